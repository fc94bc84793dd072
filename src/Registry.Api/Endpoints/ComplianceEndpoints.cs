using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Security;
using Registry.Application.Common.Paging;
using Registry.Application.Compliance;
using Registry.Application.Compliance.Commands.FileDeclaration;
using Registry.Application.Compliance.Queries.GetFindings;
using Registry.Application.Compliance.Queries.GetOrganizationCompliance;
using Registry.Application.Organizations.Commands.DecideOrganizationStatus;
using Registry.Domain.Compliance;

namespace Registry.Api.Endpoints;

public static class ComplianceEndpoints
{
    public static IEndpointRouteBuilder MapCompliance(this IEndpointRouteBuilder app)
    {
        var organization = app.MapGroup("/api/v1/organizations/{registrationNumber}")
            .WithTags("Compliance")
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        organization.MapPost("/declarations", Declare)
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("File a declaration (owner): GeneralAssembly, AnnualAccounts, ManagementChange, MemberChange, BoardChange, MutualAnnualReturn. Accepts Idempotency-Key.")
            .WithCommonProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        organization.MapGet("/compliance", Compliance)
            .RequireAuthorization(Policies.ApplicantOrOfficial)
            .WithSummary("The organisation's compliance findings (owner, or an official of its region).");
        foreach (var decision in Enum.GetValues<StatusDecision>())
        {
            var path = decision == StatusDecision.StrikeOff ? "/strike-off" : "/" + decision.ToString().ToLowerInvariant();
            organization.MapPost(path, (string registrationNumber, ApplicationEndpoints.ReasonBody body, [AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct) =>
                    Decide(registrationNumber, decision, body, key, sender, ct))
                .RequireAuthorization(Policies.RegionalOfficial)
                .WithName("Organization" + decision)
                .WithSummary($"{decision} the organisation (official of its region), with a mandatory reason; audited.")
                .WithCommonProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        }

        app.MapGroup("/api/v1/compliance")
            .WithTags("Compliance")
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .MapGet("/findings", Findings)
            .RequireAuthorization(Policies.RegionalOfficial)
            .WithSummary("Findings of the official's regions, filterable by stage, rule and province; escalated ones carry a proposed action. Keyset-paginated.");
        return app;
    }

    private static async Task<Created<FiledDeclaration>> Declare(
        string registrationNumber, DeclarationInput input, [AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct)
    {
        var filed = await sender.Send(new FileDeclaration(registrationNumber, input, key.Value), ct);
        return TypedResults.Created($"/api/v1/organizations/{registrationNumber}/declarations/{filed.Id}", filed);
    }

    private static async Task<Ok<IReadOnlyList<FindingView>>> Compliance(string registrationNumber, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetOrganizationCompliance(registrationNumber), ct));

    private static async Task<Ok<OrganizationStatusDecided>> Decide(
        string registrationNumber, StatusDecision decision, ApplicationEndpoints.ReasonBody body, IdempotencyKeyHeader key, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DecideOrganizationStatus(registrationNumber, decision, body.Reason ?? "", key.Value), ct));

    private static async Task<Ok<Page<FindingView>>> Findings(
        FindingStage? stage, string? rule, string? province, string? cursor, int? limit, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetFindings(stage, rule, province, cursor, limit ?? Cursor.DefaultLimit), ct));
}
