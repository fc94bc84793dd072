using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Names;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class NameReservationConfiguration : IEntityTypeConfiguration<NameReservation>
{
    public void Configure(EntityTypeBuilder<NameReservation> builder)
    {
        builder.ToTable("name_reservations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.DomainEvents);
        builder.Property(r => r.LegalForm).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.NameAr).HasMaxLength(200);
        builder.Property(r => r.NameLatin).HasMaxLength(200);
        builder.HasIndex(r => r.HolderId);
        // The words of both names, as organisations have them: the similar-name check finds unconsumed reservations by them.
        builder.Property<string[]>(Application.Organizations.Queries.SearchOrganizations.NameWords.Property)
            .HasComputedColumnSql("registry.name_words_of(normalized_ar, normalized_latin)", stored: true);
        builder.HasIndex(Application.Organizations.Queries.SearchOrganizations.NameWords.Property).HasMethod("gin").HasFilter("consumed_at IS NULL");
        builder.HasIndex(r => r.NormalizedAr);
        builder.HasIndex(r => r.NormalizedLatin);
    }
}
