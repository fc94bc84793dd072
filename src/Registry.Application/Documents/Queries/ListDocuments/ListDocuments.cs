using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Applications;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Documents.Queries.ListDocuments;

/// <summary>The documents of an application, for its owner and the officials of its region.</summary>
public sealed record ListDocuments(Guid ApplicationId) : IQuery<IReadOnlyList<DocumentView>>;

internal sealed class ListDocumentsHandler(IRegistryDbContext db, ApplicationRefusals refusals, ICurrentUser currentUser)
    : IQueryHandler<ListDocuments, IReadOnlyList<DocumentView>>
{
    public async ValueTask<IReadOnlyList<DocumentView>> Handle(ListDocuments query, CancellationToken cancellationToken)
    {
        if (!await db.Applications.VisibleTo(currentUser).AnyAsync(a => a.Id == query.ApplicationId, cancellationToken))
        {
            throw await refusals.NotFoundAsync(query.ApplicationId, "application.documents", cancellationToken);
        }

        return await db.Documents.AsNoTracking()
            .Where(d => d.ApplicationId == query.ApplicationId)
            .OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentView(d.Id, d.Kind, d.ContentType, d.FileName, d.SizeBytes, d.Sha256, d.UploadedAt))
            .ToListAsync(cancellationToken);
    }
}
