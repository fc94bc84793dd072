using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Security;
using Registry.Application.Audit.Queries.VerifyAuditTrail;
using Registry.Application.Common.Interfaces;
using Registry.Application.Users;
using Registry.Application.Users.Commands.CreateStaffUser;
using Registry.Application.Users.Commands.ResetStaffTwoFactor;

namespace Registry.Api.Endpoints;

public static class AdminEndpoints
{
    public sealed record CreateStaffUserBody(string? Email, string? Password, string? Role, IReadOnlyList<string>? RegionCodes);

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin")
            .WithTags("Administration")
            .RequireAuthorization(Policies.Administrator)
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        admin.MapPost("/users", CreateUser)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a staff account: RegionalOfficial (with regions), MinistryAnalyst or Administrator. Accepts Idempotency-Key.");
        admin.MapPost("/users/{id:guid}/two-factor/reset", ResetTwoFactor)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reset a staff member's two-factor authentication (lost authenticator): new key, no recovery codes, every session ended; they enrol again at their next log-in. Audited.");
        admin.MapGet("/audit/verify", VerifyAudit)
            .WithRateLimit(RateLimits.AuditVerification)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Verify the audit trail's hash chains, all of them or one organisation's (?organization=REGISTRATION-NUMBER).")
            .WithDescription("Recomputes every entry's SHA-256 in PostgreSQL and checks each chain's order and links. Always 200 when the "
                + "check ran: ok is false when an entry was changed, removed or re-hashed, and firstBroken names the first such entry "
                + "(id, chain, sequence, problem Sequence|Link|Content, expected and stored values). Independent of readiness and of the jobs.");
        return app;
    }

    private static async Task<Ok<StaffUserItem>> ResetTwoFactor(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResetStaffTwoFactor(id), ct));

    private static async Task<Ok<AuditVerification>> VerifyAudit(string? organization, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyAuditTrail(organization), ct));

    private static async Task<Created<CreatedStaffUser>> CreateUser(
        CreateStaffUserBody body, [AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateStaffUser(body.Email ?? "", body.Password ?? "", body.Role ?? "", body.RegionCodes, key.Value), ct);
        return TypedResults.Created($"/api/v1/admin/users/{created.Id}", created);
    }
}
