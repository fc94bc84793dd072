using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Applications;
using Registry.Domain.Organizations;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Version).IsRowVersion();
        builder.Ignore(o => o.DomainEvents);
        builder.Property(o => o.RegistrationNumber).HasMaxLength(24);
        builder.HasIndex(o => o.RegistrationNumber).IsUnique();
        builder.HasIndex(o => o.ApplicationId).IsUnique();
        builder.HasOne<RegistrationApplication>().WithOne().HasForeignKey<Organization>(o => o.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.LegalForm).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.NameAr).HasMaxLength(200);
        builder.Property(o => o.NameLatin).HasMaxLength(200);
        builder.Property(o => o.SectorCode).HasMaxLength(20);
        builder.Property(o => o.SeatAddress).HasMaxLength(500);
        builder.Property(o => o.ProvinceCode).HasMaxLength(3);
        builder.Property(o => o.RegionCode).HasMaxLength(2);
        builder.Property(o => o.FinancialYearEnd).HasMaxLength(5);
        builder.Property(o => o.ContactEmail).HasMaxLength(254);
        builder.Property(o => o.ContactPhone).HasMaxLength(20);
        builder.HasOne<Domain.Reference.Province>().WithMany().HasForeignKey(o => o.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Reference.Sector>().WithMany().HasForeignKey(o => o.SectorCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Ice).HasMaxLength(15);
        builder.Property(o => o.ShareValue).HasPrecision(14, 2);
        builder.HasIndex(o => o.NormalizedNameAr);
        builder.HasIndex(o => o.NormalizedNameLatin);
        // The distinct words of both normalised names, computed by PostgreSQL (Sql/NameWordsOf.Up.sql): the public
        // search finds organisations having every word of the query through this GIN index.
        builder.Property<string[]>(Application.Organizations.Queries.SearchOrganizations.NameWords.Property)
            .HasComputedColumnSql("registry.name_words_of(normalized_name_ar, normalized_name_latin)", stored: true);
        builder.HasIndex(Application.Organizations.Queries.SearchOrganizations.NameWords.Property).HasMethod("gin").HasStorageParameter("fastupdate", false);
        builder.Property(o => o.SubscribedCapital).HasPrecision(16, 2);
        builder.Property(o => o.PaidCapital).HasPrecision(16, 2);
        builder.HasIndex(o => o.OwnerId);
        builder.HasIndex(o => new { o.RegionCode, o.RegistrationNumber });
        builder.HasIndex(o => new { o.ProvinceCode, o.RegistrationNumber });

        builder.OwnsMany(o => o.Members, members =>
        {
            members.ToTable("organization_members");
            PersonColumns.ConfigureMember(members);
        });
        builder.OwnsMany(o => o.Officers, officers =>
        {
            officers.ToTable("organization_officers");
            PersonColumns.ConfigureOfficer(officers);
        });
    }
}
