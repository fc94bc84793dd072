using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Infrastructure.OpenData;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class OpenDataSnapshotConfiguration : IEntityTypeConfiguration<OpenDataSnapshot>
{
    public void Configure(EntityTypeBuilder<OpenDataSnapshot> builder)
    {
        builder.ToTable("open_data_snapshots", t =>
        {
            t.HasCheckConstraint("ck_open_data_snapshots_format", "format IN ('csv', 'json')");
            t.HasCheckConstraint("ck_open_data_snapshots_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).UseIdentityAlwaysColumn();
        builder.Property(s => s.Format).HasColumnType("text");
        builder.Property(s => s.FileName).HasColumnType("text");
        builder.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(s => new { s.Format, s.SnapshotDate }).IsUnique();
    }
}
