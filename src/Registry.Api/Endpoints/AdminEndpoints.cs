using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Security;
using Registry.Application.Users.Commands.CreateStaffUser;

namespace Registry.Api.Endpoints;

public static class AdminEndpoints
{
    public sealed record CreateStaffUserBody(string? Email, string? Password, string? Role, IReadOnlyList<string>? RegionCodes);

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/admin")
            .WithTags("Administration")
            .RequireAuthorization(Policies.Administrator)
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)
            .MapPost("/users", CreateUser)
            .WithSummary("Create a staff account: RegionalOfficial (with regions), MinistryAnalyst or Administrator. Accepts Idempotency-Key.");
        return app;
    }

    private static async Task<Created<CreatedStaffUser>> CreateUser(
        CreateStaffUserBody body, [AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateStaffUser(body.Email ?? "", body.Password ?? "", body.Role ?? "", body.RegionCodes, key.Value), ct);
        return TypedResults.Created($"/api/v1/admin/users/{created.Id}", created);
    }
}
