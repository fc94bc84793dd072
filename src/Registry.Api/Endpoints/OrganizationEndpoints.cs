using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Security;
using Registry.Application.Audit;
using Registry.Application.Common.Paging;
using Registry.Application.Organizations;
using Registry.Application.Organizations.Queries.GetOrganization;
using Registry.Application.Organizations.Queries.GetOrganizationHistory;
using Registry.Application.Organizations.Queries.SearchOrganizations;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Api.Endpoints;

public static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        var organizations = app.MapGroup("/api/v1/organizations")
            .WithTags("Organizations")
            .WithCommonProblems(StatusCodes.Status404NotFound);

        organizations.MapGet("/", Search)
            .AllowAnonymous()
            .WithRateLimit(RateLimits.Search)
            .WithSummary("Public search of registered organisations (public fields only): q in Arabic or Latin script (normalised, typo-tolerant, best first) or a registration number; filters; keyset-paginated by cursor.");
        organizations.MapGet("/{registrationNumber}", Get)
            .AllowAnonymous()
            .WithSummary("The public profile of a registered organisation.");
        organizations.MapGet("/{registrationNumber}/history", History)
            .RequireAuthorization(Policies.ApplicantOrOfficial)
            .WithSummary("The organisation's audit trail (its owner, or an official of its region).")
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Ok<Page<OrganizationSummary>>> Search(
        string? q, string? region, string? province, LegalForm? legalForm, string? sector, OrganizationStatus? status, string? name, string? cursor, int? limit,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SearchOrganizations(region, province, legalForm, sector, status, name, cursor, limit ?? Cursor.DefaultLimit, q), ct));

    private static async Task<Ok<OrganizationProfile>> Get(string registrationNumber, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetOrganization(registrationNumber), ct));

    private static async Task<Ok<IReadOnlyList<AuditEntryView>>> History(string registrationNumber, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetOrganizationHistory(registrationNumber), ct));
}
