using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Security;
using Registry.Application.NameReservations;
using Registry.Application.NameReservations.Commands.RenewReservation;
using Registry.Application.NameReservations.Commands.ReserveName;
using Registry.Application.NameReservations.Queries.ListReservations;
using Registry.Domain.Reference;

namespace Registry.Api.Endpoints;

public static class NameReservationEndpoints
{
    /// <summary>A reservation is for one legal form, so <c>legalForm</c> left out is a 400 on it rather than COOP by default.</summary>
    public sealed record ReserveNameBody([property: JsonRequired] LegalForm LegalForm, string? NameAr, string? NameLatin);

    public static IEndpointRouteBuilder MapNameReservations(this IEndpointRouteBuilder app)
    {
        var reservations = app.MapGroup("/api/v1/name-reservations")
            .WithTags("Name reservations")
            .RequireAuthorization(Policies.Applicant)
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        reservations.MapPost("/", Reserve)
            .WithRateLimit(RateLimits.NameReservation)
            .WithSummary("Reserve a name for 60 days (applicant): 409 naming the registered or reserved name it collides with; similar names come back as warnings. Accepts Idempotency-Key.")
            .WithCommonProblems(StatusCodes.Status409Conflict);
        reservations.MapGet("/", List).WithSummary("The caller's reservations.");
        reservations.MapPost("/{id:guid}/renew", Renew)
            .WithSummary("Renew a live reservation once for 60 more days (its holder).")
            .WithCommonProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Created<ReservationView>> Reserve(ReserveNameBody body, [Microsoft.AspNetCore.Http.AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct)
    {
        var reservation = await sender.Send(new ReserveName(body.LegalForm, body.NameAr, body.NameLatin, key.Value), ct);
        return TypedResults.Created($"/api/v1/name-reservations/{reservation.Id}", reservation);
    }

    private static async Task<Ok<IReadOnlyList<ReservationView>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListReservations(), ct));

    private static async Task<Ok<ReservationView>> Renew(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RenewReservation(id), ct));
}
