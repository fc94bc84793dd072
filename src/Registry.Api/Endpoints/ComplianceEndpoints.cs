using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Security;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Validation;
using Registry.Application.Common.Paging;
using Registry.Application.Compliance;
using Registry.Application.Compliance.Commands.FileDeclaration;
using Registry.Application.Compliance.Queries.GetDeclarationDocument;
using Registry.Application.Compliance.Queries.GetFindings;
using Registry.Application.Compliance.Queries.ListDeclarations;
using Registry.Application.Compliance.Queries.GetOrganizationCompliance;
using Registry.Application.Organizations.Commands.DecideOrganizationStatus;
using Registry.Application.Documents;
using Registry.Domain.Compliance;
using Registry.Domain.Documents;

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
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxDeclarationBodyBytes))
            .Accepts<DeclarationInput>("application/json", "multipart/form-data")
            .DisableAntiforgery()
            .WithSummary("File a declaration (owner): GeneralAssembly, AnnualAccounts, ManagementChange, MemberChange, BoardChange, MutualAnnualReturn. "
                + "As JSON, or as multipart/form-data with the JSON in a 'declaration' part and its document (PDF, JPEG or PNG, at most 10 MB) in a "
                + "'document' part; the assembly's minutes and the accounts are required. Accepts Idempotency-Key.")
            .WithCommonProblems(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity);
        organization.MapGet("/declarations", Declarations)
            .RequireAuthorization(Policies.ApplicantOrOfficial)
            .WithSummary("The organisation's declarations, newest first (owner, or an official of its region).");
        organization.MapGet("/declarations/{declarationId:guid}/document", DeclarationDocument)
            .RequireAuthorization(Policies.ApplicantOrOfficial)
            .WithSummary("Download the document filed with a declaration (owner, or an official of its region).");
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
                .WithSummary($"{decision} the organisation (official of its region), with a mandatory reason; audited; 409 when its status does not allow it.")
                .WithCommonProblems(StatusCodes.Status409Conflict);
        }

        app.MapGroup("/api/v1/compliance")
            .WithTags("Compliance")
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .MapGet("/findings", Findings)
            .RequireAuthorization(Policies.ApplicantOrOfficial)
            .WithSummary("Findings of the official's regions, or of the applicant's own organisations, filterable by stage, rule, province and region (one of the official's regions; "
                + "another gives an empty page); escalated ones carry a proposed action. Keyset-paginated.");
        return app;
    }

    private static async Task<Created<FiledDeclaration>> Declare(
        string registrationNumber, HttpRequest request, [AsParameters] IdempotencyKeyHeader key, IOptions<JsonOptions> json, ISender sender, CancellationToken ct)
    {
        var (input, document) = await ReadDeclarationAsync(request, json.Value.SerializerOptions, ct);
        var filed = await sender.Send(new FileDeclaration(registrationNumber, input, key.Value, document), ct);
        return TypedResults.Created($"/api/v1/organizations/{registrationNumber}/declarations/{filed.Id}", filed);
    }

    // The document's limit plus the declaration's JSON (at most the ordinary body limit) and the envelope.
    private const long MaxDeclarationBodyBytes = ApplicationDocument.MaxSizeBytes + MaxDeclarationJsonBytes + (64 * 1024);
    private const int MaxDeclarationJsonBytes = 1_048_576;

    private static async Task<(DeclarationInput Input, UploadedFile? Document)> ReadDeclarationAsync(
        HttpRequest request, System.Text.Json.JsonSerializerOptions options, CancellationToken ct)
    {
        if (request.HasJsonContentType())
        {
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxDeclarationJsonBytes;
            }

            if (request.ContentLength > MaxDeclarationJsonBytes)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            return (Parse(await ReadJsonAsync(request.Body, options, ct)), null);
        }

        if (!request.HasFormContentType)
        {
            throw new UnsupportedContentException(Localized.Text(
                "Envoyez la déclaration en application/json, ou en multipart/form-data avec le JSON dans une partie « declaration ».",
                "أرسل التصريح بصيغة application/json، أو بصيغة multipart/form-data مع JSON في جزء «declaration»."));
        }

        var upload = await MultipartUpload.ReadAsync(request, ApplicationDocument.MaxSizeBytes, ct, MaxDeclarationJsonBytes, filePart: "document");
        if (!upload.Fields.TryGetValue("declaration", out var declaration))
        {
            throw new FluentValidation.ValidationException(
                [new FluentValidation.Results.ValidationFailure("declaration", Localized.Text("Envoyez le JSON de la déclaration dans une partie 'declaration'.", "أرسل JSON التصريح في جزء 'declaration'."))]);
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(declaration));
        return (Parse(await ReadJsonAsync(stream, options, ct)), upload.Content is null ? null : new UploadedFile(upload.FileName ?? "document", upload.Content));

        static DeclarationInput Parse(DeclarationInput? input) =>
            input ?? throw new BadHttpRequestException("The declaration is empty.", StatusCodes.Status400BadRequest);
    }

    private static async Task<DeclarationInput?> ReadJsonAsync(Stream body, System.Text.Json.JsonSerializerOptions options, CancellationToken ct)
    {
        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<DeclarationInput>(body, options, ct);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadHttpRequestException("The declaration is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static async Task<Ok<IReadOnlyList<DeclarationView>>> Declarations(string registrationNumber, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListDeclarations(registrationNumber), ct));

    private static async Task<FileContentHttpResult> DeclarationDocument(string registrationNumber, Guid declarationId, ISender sender, CancellationToken ct) =>
        HttpConventions.Download(await sender.Send(new GetDeclarationDocument(registrationNumber, declarationId), ct));

    private static async Task<Ok<IReadOnlyList<FindingView>>> Compliance(string registrationNumber, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetOrganizationCompliance(registrationNumber), ct));

    private static async Task<Ok<OrganizationStatusDecided>> Decide(
        string registrationNumber, StatusDecision decision, ApplicationEndpoints.ReasonBody body, IdempotencyKeyHeader key, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DecideOrganizationStatus(registrationNumber, decision, body.Reason ?? "", key.Value), ct));

    private static async Task<Ok<Page<FindingView>>> Findings(
        FindingStage? stage, string? rule, string? province, string? region, string? cursor, int? limit, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetFindings(stage, rule, province, cursor, limit ?? Cursor.DefaultLimit, region), ct));
}
