using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Applications;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<RegistrationApplication>
{
    public void Configure(EntityTypeBuilder<RegistrationApplication> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.IsEditable);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.LegalForm).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.NameAr).HasMaxLength(200);
        builder.Property(a => a.NameLatin).HasMaxLength(200);
        builder.Property(a => a.SectorCode).HasMaxLength(20);
        builder.Property(a => a.SeatAddress).HasMaxLength(500);
        builder.Property(a => a.ProvinceCode).HasMaxLength(3);
        builder.Property(a => a.RegionCode).HasMaxLength(2);
        builder.Property(a => a.FinancialYearEnd).HasMaxLength(5);
        builder.Property(a => a.ContactEmail).HasMaxLength(254);
        builder.Property(a => a.ContactPhone).HasMaxLength(20);
        builder.HasOne<Domain.Reference.Province>().WithMany().HasForeignKey(a => a.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Reference.Sector>().WithMany().HasForeignKey(a => a.SectorCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Ice).HasMaxLength(15);
        builder.Property(a => a.ShareValue).HasPrecision(14, 2);
        builder.HasIndex(a => a.OwnerId);
        builder.HasIndex(a => new { a.RegionCode, a.Status, a.SubmittedAt, a.Id });

        builder.OwnsMany(a => a.Members, members =>
        {
            members.ToTable("application_members");
            PersonColumns.ConfigureMember(members);
        });
        builder.OwnsMany(a => a.Officers, officers =>
        {
            officers.ToTable("application_officers");
            PersonColumns.ConfigureOfficer(officers);
        });
    }
}

internal static class PersonColumns
{
    public static void ConfigureMember<TOwner>(OwnedNavigationBuilder<TOwner, Member> members)
        where TOwner : class
    {
        members.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        members.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
        members.Property(m => m.FullNameAr).HasMaxLength(200);
        members.Property(m => m.FullNameLatin).HasMaxLength(200);
        members.Property(m => m.Cin).HasMaxLength(12);
        members.Property(m => m.Nationality).HasMaxLength(60);
        members.Property(m => m.Address).HasMaxLength(500);
        members.Property(m => m.LegalName).HasMaxLength(200);
        members.Property(m => m.LegalIdentifier).HasMaxLength(40);
    }

    public static void ConfigureOfficer<TOwner>(OwnedNavigationBuilder<TOwner, Officer> officers)
        where TOwner : class
    {
        officers.Property(o => o.Role).HasConversion<string>().HasMaxLength(20);
        officers.Property(o => o.FullNameAr).HasMaxLength(200);
        officers.Property(o => o.FullNameLatin).HasMaxLength(200);
        officers.Property(o => o.Cin).HasMaxLength(12);
        officers.Property(o => o.Nationality).HasMaxLength(60);
        officers.Property(o => o.Profession).HasMaxLength(100);
        officers.Property(o => o.Address).HasMaxLength(500);
    }
}
