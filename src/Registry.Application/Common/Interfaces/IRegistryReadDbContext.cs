using Microsoft.EntityFrameworkCore.Infrastructure;
using Registry.Domain.Organizations;

namespace Registry.Application.Common.Interfaces;

/// <summary>
/// The registry's data for reads that may be served by a PostgreSQL streaming replica
/// (<c>ConnectionStrings:RegistryReadReplica</c>; the primary when it is not set): public search. Nothing is tracked
/// and nothing can be saved. A replica lags the primary by a moment, so a check that guards a write (the
/// similar-name check of a reservation, say) reads <see cref="IRegistryDbContext"/> instead.
/// </summary>
public interface IRegistryReadDbContext
{
    IQueryable<Organization> Organizations { get; }

    DatabaseFacade Database { get; }
}
