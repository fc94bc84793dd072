using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Applications;
using Registry.Application.Audit;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Validation;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Documents;

namespace Registry.Application.Documents.Commands.AttachDocument;

/// <summary>
/// The owner attaches a document to an application they can still edit. The type is recognised from the
/// bytes; the bytes and their metadata are saved in one transaction. With an Idempotency-Key, sending the same file
/// again (a retry after a lost answer) replays the first answer instead of attaching it twice.
/// </summary>
public sealed record AttachDocument(Guid ApplicationId, DocumentKind Kind, string FileName, byte[] Content, string? IdempotencyKey = null)
    : ICommand<DocumentView>, IIdempotentCommand;

public sealed class AttachDocumentValidator : AbstractValidator<AttachDocument>
{
    public AttachDocumentValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => new UploadedFile(x.FileName, x.Content)).SetValidator(new UploadedFileValidator()).OverridePropertyName("file");
    }
}

internal sealed class AttachDocumentHandler(
    IRegistryDbContext db, ApplicationRefusals refusals, AuditTrail auditTrail, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AttachDocument, DocumentView>
{
    public async ValueTask<DocumentView> Handle(AttachDocument command, CancellationToken cancellationToken)
    {
        var (format, sha256) = new UploadedFile(command.FileName, command.Content).Inspect();

        var application = await db.Applications.OwnedBy(currentUser)
            .Where(a => a.Id == command.ApplicationId)
            .Select(a => new { a.Id, a.Status })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw await refusals.NotFoundAsync(command.ApplicationId, "application.attach-document", cancellationToken);
        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.ChangesRequested))
        {
            throw new InvalidStateException(ApplicationRules.InvalidTransition(application.Status, "attach-document"));
        }

        var document = ApplicationDocument.Attach(application.Id, command.Kind, format, command.FileName.Trim(), command.Content.LongLength,
            sha256, currentUser.RequireUserId(), clock.GetUtcNow());
        db.Documents.Add(document);
        db.DocumentContents.Add(DocumentContent.Of(document.Id, command.Content));
        auditTrail.Record("application.document-attached", application.Id, null,
            new { kind = document.Kind.ToString(), sha256 = document.Sha256, sizeBytes = document.SizeBytes }, document.UploadedAt);
        return new DocumentView(document.Id, document.Kind, document.ContentType, document.FileName, document.SizeBytes, document.Sha256, document.UploadedAt);
    }
}
