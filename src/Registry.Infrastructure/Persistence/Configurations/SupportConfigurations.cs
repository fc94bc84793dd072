using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Audit;
using Registry.Domain.Reference;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.ActorRole).HasMaxLength(40);
        builder.Property(e => e.Action).HasMaxLength(80);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Reason).HasMaxLength(4000);
        builder.Property(e => e.Changes).HasColumnType("jsonb");
        builder.HasIndex(e => e.ApplicationId);
        builder.HasIndex(e => e.OrganizationId);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(2);
        builder.HasMany(r => r.Provinces).WithOne().HasForeignKey(p => p.RegionCode);
    }
}

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.ToTable("provinces");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(3);
        builder.Property(p => p.RegionCode).HasMaxLength(2);
        builder.Property(p => p.Kind).HasMaxLength(20);
        builder.Property(p => p.HcpCode).HasMaxLength(6);
        builder.Property(p => p.IsoCode).HasMaxLength(10);
    }
}

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.ToTable("sectors");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(20);
    }
}

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(k => new { k.UserId, k.Key });
        builder.Property(k => k.Key).HasMaxLength(200);
        builder.Property(k => k.RequestHash).HasMaxLength(64);
        builder.Property(k => k.ResponseJson).HasColumnType("jsonb");
        builder.HasIndex(k => k.CreatedAt);
    }
}

internal sealed class RegistrationSequenceConfiguration : IEntityTypeConfiguration<RegistrationSequence>
{
    public void Configure(EntityTypeBuilder<RegistrationSequence> builder)
    {
        builder.ToTable("registration_sequences", t => t.HasCheckConstraint("ck_registration_sequences_range", "last_value BETWEEN 1 AND 999999"));
        builder.HasKey(s => new { s.LegalForm, s.RegionCode, s.Year });
        builder.Property(s => s.LegalForm).HasMaxLength(10);
        builder.Property(s => s.RegionCode).HasMaxLength(2);
    }
}
