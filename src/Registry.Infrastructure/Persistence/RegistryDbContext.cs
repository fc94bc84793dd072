using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Audit;
using Registry.Domain.Compliance;
using Registry.Domain.Documents;
using Registry.Domain.Names;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;
using Registry.Infrastructure.Identity;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// One PostgreSQL database, three schemas: <c>registry</c> (the register), <c>identity</c> (accounts, roles,
/// data-protection keys) and <c>hangfire</c> (jobs, owned by Hangfire).
/// </summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IRegistryDbContext, IDataProtectionKeyContext
{
    public const string Schema = "registry";
    public const string IdentitySchema = "identity";

    public DbSet<RegistrationApplication> Applications => Set<RegistrationApplication>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<ApplicationDocument> Documents => Set<ApplicationDocument>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();
    public DbSet<NameReservation> NameReservations => Set<NameReservation>();
    public DbSet<Declaration> Declarations => Set<Declaration>();
    public DbSet<DeclarationDocumentContent> DeclarationDocumentContents => Set<DeclarationDocumentContent>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<Notifications.OutboxMessage> OutboxMessages => Set<Notifications.OutboxMessage>();
    public DbSet<OpenData.OpenDataSnapshot> OpenDataSnapshots => Set<OpenData.OpenDataSnapshot>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();
    public DbSet<RegistrationSequence> RegistrationSequences => Set<RegistrationSequence>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UsedRefreshToken> UsedRefreshTokens => Set<UsedRefreshToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.HasPostgresExtension("pg_trgm");
        IdentityModel.Configure(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
    }
}
