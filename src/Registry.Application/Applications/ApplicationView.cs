using Registry.Domain.Applications;
using Registry.Domain.Reference;
using Riok.Mapperly.Abstractions;

namespace Registry.Application.Applications;

/// <summary>An application as its owner and the officials of its region see it (personal data included).</summary>
public sealed record ApplicationView(
    Guid Id,
    ApplicationStatus Status,
    LegalForm LegalForm,
    string? NameAr,
    string? NameLatin,
    string SectorCode,
    string SeatAddress,
    string ProvinceCode,
    string RegionCode,
    DateOnly FoundingDate,
    string FinancialYearEnd,
    string? ContactEmail,
    string? ContactPhone,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<OfficerView> Officers,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    Guid? OrganizationId,
    decimal? ShareValue,
    string? Ice,
    uint Version);

public sealed record MemberView(
    MemberKind Kind,
    string? FullNameAr,
    string? FullNameLatin,
    string? Cin,
    DateOnly? BirthDate,
    Gender? Gender,
    string? Nationality,
    string? Address,
    string? LegalName,
    string? LegalIdentifier,
    int SharesSubscribed,
    int SharesPaid);

public sealed record OfficerView(
    OfficerRole Role,
    string? FullNameAr,
    string? FullNameLatin,
    string? Cin,
    DateOnly? BirthDate,
    string? Nationality,
    string? Profession,
    string? Address,
    DateOnly MandateStart,
    DateOnly MandateEnd,
    bool IsParticipatingMember);

/// <summary>A line of an official's review queue.</summary>
public sealed record ReviewQueueItem(
    Guid Id,
    ApplicationStatus Status,
    LegalForm LegalForm,
    string? NameAr,
    string? NameLatin,
    string ProvinceCode,
    string RegionCode,
    DateTimeOffset? SubmittedAt,
    int MemberCount);

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ApplicationMapper
{
    public static partial ApplicationView ToView(this RegistrationApplication application);

    public static partial MemberView ToView(this Member member);

    public static partial OfficerView ToView(this Officer officer);
}
