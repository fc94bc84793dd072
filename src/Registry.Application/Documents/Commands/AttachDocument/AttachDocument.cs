using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Applications;
using Registry.Application.Audit;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Validation;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Documents;

namespace Registry.Application.Documents.Commands.AttachDocument;

/// <summary>
/// The owner attaches a document to an application they can still edit. The type is recognised from the
/// bytes; the bytes and their metadata are saved in one transaction.
/// </summary>
public sealed record AttachDocument(Guid ApplicationId, DocumentKind Kind, string FileName, byte[] Content) : ICommand<DocumentView>;

public sealed class AttachDocumentValidator : AbstractValidator<AttachDocument>
{
    public AttachDocumentValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.FileName).NotEmpty().Text(255)
            .Must(n => n is not null && n.IndexOfAny(['/', '\\']) < 0 && n is not "." and not "..").WithMessage("A file name, not a path.");
        RuleFor(x => x.Content).NotEmpty().WithMessage("The file is empty.");
    }
}

internal sealed class AttachDocumentHandler(
    IRegistryDbContext db, ApplicationRefusals refusals, AuditTrail auditTrail, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AttachDocument, DocumentView>
{
    public async ValueTask<DocumentView> Handle(AttachDocument command, CancellationToken cancellationToken)
    {
        if (command.Content.LongLength > ApplicationDocument.MaxSizeBytes)
        {
            throw new ContentTooLargeException($"A document is at most {ApplicationDocument.MaxSizeBytes / (1024 * 1024)} MB.");
        }

        var format = DocumentFormat.Detect(command.Content.AsSpan(0, Math.Min(command.Content.Length, DocumentFormat.SignatureLength)))
            ?? throw new UnsupportedContentException("Only PDF, JPEG and PNG documents are accepted; this file is none of them.");

        var application = await db.Applications.OwnedBy(currentUser)
            .Where(a => a.Id == command.ApplicationId)
            .Select(a => new { a.Id, a.Status })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw await refusals.NotFoundAsync(command.ApplicationId, "application.attach-document", cancellationToken);
        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.ChangesRequested))
        {
            throw new RuleViolationException(ApplicationRules.InvalidTransition(application.Status, "attach-document"));
        }

        var document = ApplicationDocument.Attach(application.Id, command.Kind, format, command.FileName.Trim(), command.Content.LongLength,
            Convert.ToHexStringLower(SHA256.HashData(command.Content)), currentUser.RequireUserId(), clock.GetUtcNow());
        db.Documents.Add(document);
        db.DocumentContents.Add(DocumentContent.Of(document.Id, command.Content));
        auditTrail.Record("application.document-attached", application.Id, null,
            new { kind = document.Kind.ToString(), sha256 = document.Sha256, sizeBytes = document.SizeBytes }, document.UploadedAt);
        return new DocumentView(document.Id, document.Kind, document.ContentType, document.FileName, document.SizeBytes, document.Sha256, document.UploadedAt);
    }
}
