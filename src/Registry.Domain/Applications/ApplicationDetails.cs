using Registry.Domain.Reference;

namespace Registry.Domain.Applications;

/// <summary>Everything an applicant declares about the organisation to register; replaced as a whole on each edit.</summary>
public sealed record ApplicationDetails(
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
    IReadOnlyList<Member> Members,
    IReadOnlyList<Officer> Officers,
    decimal? ShareValue = null,
    string? Ice = null);

public enum MemberKind
{
    NaturalPerson,
    LegalPerson,
}

public enum Gender
{
    Female,
    Male,
}

/// <summary>A member: a natural person (with personal data that never leaves the owner and officials) or a legal person.</summary>
public sealed class Member
{
    private Member() { }

    public MemberKind Kind { get; private set; }
    public string? FullNameAr { get; private set; }
    public string? FullNameLatin { get; private set; }
    public string? Cin { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public Gender? Gender { get; private set; }
    public string? Nationality { get; private set; }
    public string? Address { get; private set; }
    public string? LegalName { get; private set; }
    public string? LegalIdentifier { get; private set; }
    public int SharesSubscribed { get; private set; }
    public int SharesPaid { get; private set; }

    public static Member NaturalPerson(string? fullNameAr, string? fullNameLatin, string? cin, DateOnly? birthDate,
        Gender? gender, string? nationality, string? address, int sharesSubscribed = 0, int sharesPaid = 0) => new()
    {
        Kind = MemberKind.NaturalPerson,
        FullNameAr = fullNameAr,
        FullNameLatin = fullNameLatin,
        Cin = cin,
        BirthDate = birthDate,
        Gender = gender,
        Nationality = nationality,
        Address = address,
        SharesSubscribed = sharesSubscribed,
        SharesPaid = sharesPaid,
    };

    public static Member LegalPerson(string legalName, string? legalIdentifier, int sharesSubscribed = 0, int sharesPaid = 0) => new()
    {
        Kind = MemberKind.LegalPerson,
        LegalName = legalName,
        LegalIdentifier = legalIdentifier,
        SharesSubscribed = sharesSubscribed,
        SharesPaid = sharesPaid,
    };

    public Member Copy() => (Member)MemberwiseClone();
}

public enum OfficerRole
{
    President,
    VicePresident,
    Manager,
    Secretary,
    Treasurer,
    BoardMember,
    Administrator,

    /// <summary>Commissaire aux comptes (law 112-12 art. 72).</summary>
    Auditor,
}

/// <summary>A member of the board or a manager, with the mandate the statutes give them.</summary>
public sealed class Officer
{
    private Officer() { }

    public OfficerRole Role { get; private set; }
    public string? FullNameAr { get; private set; }
    public string? FullNameLatin { get; private set; }
    public string? Cin { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public string? Nationality { get; private set; }
    public string? Profession { get; private set; }
    public string? Address { get; private set; }
    public DateOnly MandateStart { get; private set; }
    public DateOnly MandateEnd { get; private set; }

    /// <summary>Whether the officer is a participating member (mutual societies: two thirds of administrators must be).</summary>
    public bool IsParticipatingMember { get; private set; }

    public static Officer Create(OfficerRole role, string? fullNameAr, string? fullNameLatin, string? cin, DateOnly? birthDate,
        string? nationality, string? profession, string? address, DateOnly mandateStart, DateOnly mandateEnd, bool isParticipatingMember = true) => new()
    {
        IsParticipatingMember = isParticipatingMember,
        Role = role,
        FullNameAr = fullNameAr,
        FullNameLatin = fullNameLatin,
        Cin = cin,
        BirthDate = birthDate,
        Nationality = nationality,
        Profession = profession,
        Address = address,
        MandateStart = mandateStart,
        MandateEnd = mandateEnd,
    };

    public Officer Copy() => (Officer)MemberwiseClone();
}
