using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Security;
using Registry.Application.Common.Validation;
using Registry.Application.Common.Exceptions;
using Registry.Application.Documents;
using Registry.Application.Documents.Commands.AttachDocument;
using Registry.Application.Documents.Queries.GetDocument;
using Registry.Application.Documents.Queries.ListDocuments;
using Registry.Domain.Documents;

namespace Registry.Api.Endpoints;

public static class DocumentEndpoints
{
    // The file's limit plus room for the multipart envelope.
    private const long MaxUploadBodyBytes = ApplicationDocument.MaxSizeBytes + (64 * 1024);

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/v1/applications/{id:guid}/documents")
            .WithTags("Documents")
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        documents.MapPost("/", Attach)
            .RequireAuthorization(Policies.Applicant)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBodyBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .WithSummary("Attach a document (owner): multipart with a 'kind' field and a 'file' (PDF, JPEG or PNG by content, at most 10 MB); 409 once submitted. Accepts Idempotency-Key.")
            .WithCommonProblems(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        documents.MapGet("/", List)
            .RequireAuthorization(Policies.ApplicantOrOfficial)
            .WithSummary("The application's documents (owner, or an official of its region).");
        documents.MapGet("/{documentId:guid}", Download)
            .RequireAuthorization(Policies.ApplicantOrOfficial)
            .WithSummary("Download a document (owner, or an official of its region).");
        return app;
    }

    private static async Task<Created<DocumentView>> Attach(
        Guid id, HttpRequest request, [AsParameters] IdempotencyKeyHeader key, ISender sender, CancellationToken ct)
    {
        var upload = await MultipartUpload.ReadAsync(request, ApplicationDocument.MaxSizeBytes, ct);
        var kind = upload.Fields.TryGetValue("kind", out var kindText) ? KindNamed(kindText) : null;
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        if (kind is null)
        {
            failures.Add(new("kind", Localized.Text(
                $"Envoyez un champ « kind » qui vaut l'un de : {string.Join(", ", Enum.GetNames<DocumentKind>())}.",
                $"أرسل حقل «kind» بإحدى القيم: {string.Join("، ", Enum.GetNames<DocumentKind>())}.")));
        }

        if (upload.Content is null)
        {
            failures.Add(new("file", Localized.Text("Joignez le fichier dans une partie « file ».", "أرفق الملف في جزء «file».")));
        }

        if (failures.Count > 0)
        {
            throw new FluentValidation.ValidationException(failures);
        }

        var document = await sender.Send(new AttachDocument(id, kind!.Value, upload.FileName ?? "document", upload.Content!, key.Value), ct);
        return TypedResults.Created($"/api/v1/applications/{id}/documents/{document.Id}", document);
    }

    /// <summary>
    /// A kind by its name, in any case; never by number or as a list of flags, which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> accepts.
    /// </summary>
    private static DocumentKind? KindNamed(string text) =>
        Enum.GetValues<DocumentKind>().Cast<DocumentKind?>().FirstOrDefault(k => k.ToString()!.Equals(text, StringComparison.OrdinalIgnoreCase));

    private static async Task<Ok<IReadOnlyList<DocumentView>>> List(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListDocuments(id), ct));

    private static async Task<FileContentHttpResult> Download(Guid id, Guid documentId, ISender sender, CancellationToken ct) =>
        HttpConventions.Download(await sender.Send(new GetDocument(id, documentId), ct));
}
