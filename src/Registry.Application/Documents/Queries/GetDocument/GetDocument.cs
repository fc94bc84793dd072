using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Applications;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Documents.Queries.GetDocument;

/// <summary>A document's bytes, for the application's owner and the officials of its region only.</summary>
public sealed record GetDocument(Guid ApplicationId, Guid DocumentId) : IQuery<DocumentFile>;

internal sealed class GetDocumentHandler(IRegistryDbContext db, ApplicationRefusals refusals, ICurrentUser currentUser)
    : IQueryHandler<GetDocument, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetDocument query, CancellationToken cancellationToken)
    {
        var visible = db.Applications.VisibleTo(currentUser).Where(a => a.Id == query.ApplicationId).Select(a => a.Id);
        var file = await db.Documents.AsNoTracking()
            .Where(d => d.Id == query.DocumentId && d.ApplicationId == query.ApplicationId && visible.Contains(d.ApplicationId))
            .Join(db.DocumentContents, d => d.Id, c => c.DocumentId, (d, c) => new DocumentFile(d.ContentType, d.FileName, d.Sha256, c.Content))
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            await refusals.NotFoundAsync(query.ApplicationId, "application.document-download", cancellationToken);
            throw new NotFoundException(ResourceKind.Document, query.DocumentId);
        }

        return file;
    }
}
