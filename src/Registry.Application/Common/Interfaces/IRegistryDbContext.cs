using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Registry.Domain.Applications;
using Registry.Domain.Audit;
using Registry.Domain.Compliance;
using Registry.Domain.Documents;
using Registry.Domain.Names;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Application.Common.Interfaces;

/// <summary>The registry's data, used directly by handlers (no repository over EF).</summary>
public interface IRegistryDbContext
{
    DbSet<RegistrationApplication> Applications { get; }
    DbSet<Organization> Organizations { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Region> Regions { get; }
    DbSet<Province> Provinces { get; }
    DbSet<Sector> Sectors { get; }
    DbSet<ApplicationDocument> Documents { get; }
    DbSet<DocumentContent> DocumentContents { get; }
    DbSet<NameReservation> NameReservations { get; }
    DbSet<Declaration> Declarations { get; }
    DbSet<DeclarationDocumentContent> DeclarationDocumentContents { get; }
    DbSet<Finding> Findings { get; }
    DatabaseFacade Database { get; }
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
