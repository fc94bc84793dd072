using Registry.Domain.Applications;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Domain.Tests;

/// <summary>Shared identities, instants and ready-made aggregates for the domain tests.</summary>
internal static class TestData
{
    public static readonly Guid OwnerId = Guid.Parse("0b1f5c1e-2a47-4a8e-9a3d-1f3c9d3e7a01");
    public static readonly Guid OfficialId = Guid.Parse("5e0a9b7c-44d1-4f62-8c1b-6a2d8f0e4b02");

    public static readonly DateTimeOffset DraftedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset EditedAt = DraftedAt.AddHours(1);
    public static readonly DateTimeOffset SubmittedAt = DraftedAt.AddDays(1);
    public static readonly DateTimeOffset DecidedAt = DraftedAt.AddDays(5);
    public static readonly DateTimeOffset ResubmittedAt = DraftedAt.AddDays(7);
    public static readonly DateTimeOffset FinalDecisionAt = DraftedAt.AddDays(9);
    public static readonly DateTimeOffset RegisteredAt = DecidedAt;

    public static ApplicationDetailsBuilder Details() => new();

    public static RegistrationNumber NumberFor(RegistrationApplication application, int sequence = 123) =>
        RegistrationNumber.Create(application.LegalForm, application.RegionCode, 2026, sequence);

    public static RegistrationApplication DraftApplication(ApplicationDetails? details = null) =>
        RegistrationApplication.Draft(OwnerId, details ?? Details().Build(), DraftedAt);

    public static RegistrationApplication SubmittedApplication(ApplicationDetails? details = null)
    {
        var application = DraftApplication(details);
        application.Submit(SubmittedAt);
        return application;
    }

    /// <summary>An application brought to <paramref name="status"/> through the public lifecycle.</summary>
    public static RegistrationApplication ApplicationIn(ApplicationStatus status)
    {
        var application = DraftApplication();
        if (status == ApplicationStatus.Draft)
        {
            return application;
        }

        application.Submit(SubmittedAt);
        switch (status)
        {
            case ApplicationStatus.Submitted:
                break;
            case ApplicationStatus.ChangesRequested:
                application.RequestChanges(OfficialId, "Joindre les statuts signés.", DecidedAt);
                break;
            case ApplicationStatus.Approved:
                application.Approve(OfficialId, NumberFor(application), DecidedAt);
                break;
            case ApplicationStatus.Rejected:
                application.Reject(OfficialId, "Objet social hors du champ coopératif.", DecidedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, application.Status);
        return application;
    }

    /// <summary>A freshly registered (Active) organisation, with its events cleared.</summary>
    public static Organization ActiveOrganization()
    {
        var application = SubmittedApplication();
        var organization = application.Approve(OfficialId, NumberFor(application), RegisteredAt);
        organization.ClearDomainEvents();
        return organization;
    }

    public static Member Fatima() => Member.NaturalPerson(
        "فاطمة الزهراء", "Fatima Zahra", "AB123456", new DateOnly(1985, 4, 2), Gender.Female, "MA", "Derb Sultan", 10, 5);

    public static Member Khadija() => Member.NaturalPerson(
        "خديجة", "Khadija Amrani", "BE654321", new DateOnly(1990, 11, 15), Gender.Female, "MA", "Hay Mohammadi", 10, 10);

    public static Member Youssef() => Member.NaturalPerson(
        "يوسف", null, "C98765", new DateOnly(1979, 1, 20), Gender.Male, "MA", null, 10, 10);

    public static Member ArganUnion() => Member.LegalPerson("Union des coopératives d'argan", "ICE001234567000089", 20, 20);

    public static Officer President() => Officer.Create(
        OfficerRole.President, "فاطمة الزهراء", "Fatima Zahra", "AB123456", new DateOnly(1985, 4, 2), "MA", "Agricultrice",
        "Derb Sultan", new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31));

    public static Officer Treasurer() => Officer.Create(
        OfficerRole.Treasurer, "يوسف", null, "C98765", new DateOnly(1979, 1, 20), "MA", "Comptable",
        null, new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31));
}

/// <summary>Builds valid <see cref="ApplicationDetails"/> for a cooperative in Casablanca-Settat; override what a test needs.</summary>
internal sealed class ApplicationDetailsBuilder
{
    private LegalForm _legalForm = LegalForm.COOP;
    private string? _nameAr = "تعاونية الأمل";
    private string? _nameLatin = "Coopérative Al Amal";
    private string _sectorCode = "AGRI";
    private string _seatAddress = "12, rue des Oliviers, Casablanca";
    private string _provinceCode = "141";
    private string _regionCode = "06";
    private DateOnly _foundingDate = new(2026, 1, 15);
    private string _financialYearEnd = "12-31";
    private string? _contactEmail;
    private string? _contactPhone;
    private List<Member> _members = [TestData.Fatima(), TestData.Khadija(), TestData.Youssef(), TestData.ArganUnion()];
    private List<Officer> _officers = [TestData.President(), TestData.Treasurer()];

    public ApplicationDetailsBuilder WithLegalForm(LegalForm legalForm)
    {
        _legalForm = legalForm;
        return this;
    }

    public ApplicationDetailsBuilder WithNames(string? nameAr, string? nameLatin)
    {
        _nameAr = nameAr;
        _nameLatin = nameLatin;
        return this;
    }

    public ApplicationDetailsBuilder WithSeat(string seatAddress, string provinceCode, string regionCode)
    {
        _seatAddress = seatAddress;
        _provinceCode = provinceCode;
        _regionCode = regionCode;
        return this;
    }

    public ApplicationDetailsBuilder WithContacts(string? email, string? phone)
    {
        _contactEmail = email;
        _contactPhone = phone;
        return this;
    }

    public ApplicationDetailsBuilder WithMembers(params Member[] members)
    {
        _members = [.. members];
        return this;
    }

    public ApplicationDetailsBuilder WithOfficers(params Officer[] officers)
    {
        _officers = [.. officers];
        return this;
    }

    public ApplicationDetails Build() => new(
        _legalForm,
        _nameAr,
        _nameLatin,
        _sectorCode,
        _seatAddress,
        _provinceCode,
        _regionCode,
        _foundingDate,
        _financialYearEnd,
        _contactEmail,
        _contactPhone,
        _members,
        _officers);
}
