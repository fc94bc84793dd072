using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Organizations;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// Where reads that tolerate a moment's lag go: public search and statistics. With
/// <c>ConnectionStrings:RegistryReadReplica</c> set, a data source on that server (a hot standby fed by
/// streaming replication), registered under <see cref="Key"/>; without it, the primary's own data source.
/// </summary>
public static class ReadReplica
{
    public const string ConnectionStringName = "RegistryReadReplica";

    /// <summary>The key of the read data source (an <c>NpgsqlDataSource</c>) and of the read <see cref="RegistryDbContext"/>.</summary>
    public const string Key = "read-replica";
}

/// <summary>The read-only view of a <see cref="RegistryDbContext"/> on the read data source.</summary>
internal sealed class RegistryReadDbContext(RegistryDbContext db) : IRegistryReadDbContext
{
    public IQueryable<Organization> Organizations => db.Organizations.AsNoTracking();

    public DatabaseFacade Database => db.Database;
}
