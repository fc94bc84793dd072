using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Audit;

namespace Registry.Application.Audit;

/// <summary>Which entries of an application's or organisation's history a caller who may read it sees, in the query.</summary>
public static class HistoryAccess
{
    /// <summary>
    /// Officials of the region see the whole trail, refused attempts included: they watch over the record. Its owner
    /// sees what happened to the record (the entries that succeeded), not the refused attempts of others, which carry
    /// those people's account ids and roles.
    /// </summary>
    public static IQueryable<AuditEntry> VisibleTo(this IQueryable<AuditEntry> entries, ICurrentUser user) =>
        user.IsInRole(Roles.RegionalOfficial) ? entries : entries.Where(e => e.Outcome == AuditOutcome.Succeeded);
}
