using Registry.Domain.Organizations;
using Registry.Domain.Reference;
using Riok.Mapperly.Abstractions;

namespace Registry.Application.Organizations;

/// <summary>The public fields of a registered organisation: nothing about any person (law 09-08).</summary>
public sealed record OrganizationProfile(
    string RegistrationNumber,
    LegalForm LegalForm,
    string? NameAr,
    string? NameLatin,
    string SectorCode,
    string SeatAddress,
    string ProvinceCode,
    string RegionCode,
    DateOnly FoundingDate,
    OrganizationStatus Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset StatusChangedAt,
    int MemberCount,
    int WomenMemberCount);

/// <summary>A line of the public search.</summary>
public sealed record OrganizationSummary(
    string RegistrationNumber,
    LegalForm LegalForm,
    string? NameAr,
    string? NameLatin,
    string SectorCode,
    string ProvinceCode,
    string RegionCode,
    OrganizationStatus Status);

/// <summary>Projections read only the public columns; the members' table is never touched.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class OrganizationMapper
{
    public static partial IQueryable<OrganizationProfile> ProjectToProfile(this IQueryable<Organization> query);

    public static partial IQueryable<OrganizationSummary> ProjectToSummary(this IQueryable<Organization> query);
}
