using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Audit;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Applications.Queries.GetApplicationHistory;

public sealed record GetApplicationHistory(Guid Id) : IQuery<IReadOnlyList<AuditEntryView>>;

internal sealed class GetApplicationHistoryHandler(IRegistryDbContext db, ApplicationRefusals refusals, ICurrentUser currentUser)
    : IQueryHandler<GetApplicationHistory, IReadOnlyList<AuditEntryView>>
{
    public async ValueTask<IReadOnlyList<AuditEntryView>> Handle(GetApplicationHistory query, CancellationToken cancellationToken)
    {
        if (!await db.Applications.VisibleTo(currentUser).AnyAsync(a => a.Id == query.Id, cancellationToken))
        {
            throw await refusals.NotFoundAsync(query.Id, "application.history", cancellationToken);
        }

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ApplicationId == query.Id)
            .VisibleTo(currentUser)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(AuditEntryView.From)];
    }
}
