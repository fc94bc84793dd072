using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Security;
using Registry.Application.Applications;
using Registry.Application.Applications.Commands.ApproveApplication;
using Registry.Application.Applications.Commands.CreateApplication;
using Registry.Application.Applications.Commands.RejectApplication;
using Registry.Application.Applications.Commands.RequestChanges;
using Registry.Application.Applications.Commands.SubmitApplication;
using Registry.Application.Applications.Commands.UpdateApplication;
using Registry.Application.Applications.Queries.GetApplication;
using Registry.Application.Applications.Queries.GetApplicationHistory;
using Registry.Application.Applications.Queries.GetReviewQueue;
using Registry.Application.Audit;
using Registry.Application.Common.Paging;
using Registry.Domain.Applications;
using Registry.Domain.Reference;

namespace Registry.Api.Endpoints;

public static class ApplicationEndpoints
{
    public sealed record ReasonBody(string? Reason);

    public sealed record CommentsBody(string? Comments);

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/api/v1/applications")
            .WithTags("Applications")
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        applications.MapPost("/", Create)
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Draft an application (applicant). Accepts Idempotency-Key.")
            .WithCommonProblems(StatusCodes.Status409Conflict);
        applications.MapGet("/{id:guid}", Get)
            .RequireAuthorization(Policies.ApplicantOrOfficial)
            .WithSummary("Read an application (its owner, or an official of its region). Returns its ETag.");
        applications.MapPut("/{id:guid}", Update)
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Replace a draft or an application sent back for changes (owner; If-Match required).")
            .WithCommonProblems(StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity);
        applications.MapPost("/{id:guid}/submit", Submit)
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Submit or resubmit (owner); 422 lists every broken rule, 409 unless it is a draft or sent back for changes.")
            .WithCommonProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        applications.MapPost("/{id:guid}/approve", Approve)
            .RequireAuthorization(Policies.RegionalOfficial)
            .WithSummary("Approve (official of the region), optionally with a reason (body {reason}, kept in the history as a rejection's; no body, none): "
                + "registers the organisation and gives its number; 422 lists every broken rule, 409 unless it is submitted.")
            .WithCommonProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        applications.MapPost("/{id:guid}/reject", Reject)
            .RequireAuthorization(Policies.RegionalOfficial)
            .WithSummary("Reject with a reason (official of the region); 409 unless it is submitted.")
            .WithCommonProblems(StatusCodes.Status409Conflict);
        applications.MapPost("/{id:guid}/request-changes", RequestChanges)
            .RequireAuthorization(Policies.RegionalOfficial)
            .WithSummary("Send back to the applicant with comments (official of the region); 409 unless it is submitted.")
            .WithCommonProblems(StatusCodes.Status409Conflict);
        applications.MapGet("/{id:guid}/history", History)
            .RequireAuthorization(Policies.ApplicantOrOfficial)
            .WithSummary("The application's audit trail (its owner, or an official of its region).");

        app.MapGroup("/api/v1/review")
            .WithTags("Review")
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .MapGet("/applications", Queue)
            .RequireAuthorization(Policies.RegionalOfficial)
            .WithSummary("The review queue of the official's regions, oldest first; keyset-paginated by cursor. Filters: status (Submitted by default), "
                + "legalForm, region (one of the official's regions; another gives an empty page) and submittedSince (YYYY-MM-DD, Morocco's calendar).");

        return app;
    }

    private static async Task<Created<ApplicationView>> Create(
        ApplicationInput input, [AsParameters] IdempotencyKeyHeader key, ISender sender, HttpContext context, CancellationToken ct)
    {
        var created = await sender.Send(new CreateApplication(input, key.Value), ct);
        var view = await sender.Send(new GetApplication(created.Id), ct);
        context.Response.Headers.ETag = HttpConventions.ETagOf(view.Version);
        return TypedResults.Created($"/api/v1/applications/{view.Id}", view);
    }

    private static async Task<Ok<ApplicationView>> Get(Guid id, ISender sender, HttpContext context, CancellationToken ct)
    {
        var view = await sender.Send(new GetApplication(id), ct);
        context.Response.Headers.ETag = HttpConventions.ETagOf(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<ApplicationView>> Update(
        Guid id, ApplicationInput input, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, HttpContext context, CancellationToken ct)
    {
        await sender.Send(new UpdateApplication(id, HttpConventions.VersionFrom(ifMatch), input), ct);
        var view = await sender.Send(new GetApplication(id), ct);
        context.Response.Headers.ETag = HttpConventions.ETagOf(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<SubmittedApplication>> Submit(Guid id, [AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SubmitApplication(id, key.Value), ct));

    /// <summary>The body is optional (nullable): no body, an empty one or <c>{}</c> approves without a reason, as before approvals had one.</summary>
    private static async Task<Ok<ApprovedApplication>> Approve(
        Guid id, ReasonBody? body, [AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ApproveApplication(id, body?.Reason, key.Value), ct));

    private static async Task<Ok<Decision>> Reject(Guid id, ReasonBody body, [AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RejectApplication(id, body.Reason ?? "", key.Value), ct));

    private static async Task<Ok<Decision>> RequestChanges(Guid id, CommentsBody body, [AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RequestChanges(id, body.Comments ?? "", key.Value), ct));

    private static async Task<Ok<IReadOnlyList<AuditEntryView>>> History(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetApplicationHistory(id), ct));

    private static async Task<Ok<Page<ReviewQueueItem>>> Queue(
        ApplicationStatus? status, LegalForm? legalForm, string? region, DateOnly? submittedSince, string? cursor, int? limit, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetReviewQueue(status, legalForm, cursor, limit ?? Cursor.DefaultLimit, region, submittedSince), ct));
}
