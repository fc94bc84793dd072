using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Reference;

namespace Registry.Domain.Organizations;

/// <summary>A registered organisation: created only by the approval of an application.</summary>
public sealed class Organization : AggregateRoot
{
    private List<Member> _members = [];
    private List<Officer> _officers = [];

    private Organization() { }

    public string RegistrationNumber { get; private set; } = "";
    public Guid ApplicationId { get; private set; }
    public Guid OwnerId { get; private set; }
    public LegalForm LegalForm { get; private set; }
    public string? NameAr { get; private set; }
    public string? NameLatin { get; private set; }

    /// <summary>The names as <see cref="Names.NameNormalizer"/> makes them: what reservations and search compare.</summary>
    public string NormalizedNameAr { get; private set; } = "";

    public string NormalizedNameLatin { get; private set; } = "";
    public string SectorCode { get; private set; } = "";
    public string SeatAddress { get; private set; } = "";
    public string ProvinceCode { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public DateOnly FoundingDate { get; private set; }
    public string FinancialYearEnd { get; private set; } = "12-31";
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }

    /// <summary>The nominal value of one share in MAD (cooperatives and unions).</summary>
    public decimal? ShareValue { get; private set; }

    /// <summary>Identifiant commun de l'entreprise: 15 digits, the whole number divisible by 97.</summary>
    public string? Ice { get; private set; }
    public OrganizationStatus Status { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>Kept on the organisation because statistics read them for a million organisations at once.</summary>
    public int MemberCount { get; private set; }

    public int WomenMemberCount { get; private set; }
    public IReadOnlyList<Member> Members => _members;
    public IReadOnlyList<Officer> Officers => _officers;

    internal static Organization Register(RegistrationApplication application, RegistrationNumber number, DateTimeOffset now)
    {
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(now),
            RegistrationNumber = number.Value,
            ApplicationId = application.Id,
            OwnerId = application.OwnerId,
            LegalForm = application.LegalForm,
            NameAr = application.NameAr,
            NameLatin = application.NameLatin,
            NormalizedNameAr = Names.NameNormalizer.NormalizeArabic(application.NameAr),
            NormalizedNameLatin = Names.NameNormalizer.NormalizeLatin(application.NameLatin),
            SectorCode = application.SectorCode,
            SeatAddress = application.SeatAddress,
            ProvinceCode = application.ProvinceCode,
            RegionCode = application.RegionCode,
            FoundingDate = application.FoundingDate,
            FinancialYearEnd = application.FinancialYearEnd,
            ContactEmail = application.ContactEmail,
            ContactPhone = application.ContactPhone,
            ShareValue = application.ShareValue,
            Ice = application.Ice,
            Status = OrganizationStatus.Active,
            RegisteredAt = now,
            StatusChangedAt = now,
            _members = [.. application.Members.Select(m => m.Copy())],
            _officers = [.. application.Officers.Select(o => o.Copy())],
        };
        organization.MemberCount = organization._members.Count;
        organization.WomenMemberCount = organization._members.Count(m => m.Gender == Gender.Female);
        organization.Raise(new OrganizationRegistered(organization.Id, application.Id, number.Value, now));
        return organization;
    }

    public void Suspend(string reason, DateTimeOffset now) =>
        MoveTo(OrganizationStatus.Suspended, Status == OrganizationStatus.Active, "suspend", reason, now);

    public void Reinstate(string reason, DateTimeOffset now) =>
        MoveTo(OrganizationStatus.Active, Status == OrganizationStatus.Suspended, "reinstate", reason, now);

    public void StrikeOff(string reason, DateTimeOffset now) =>
        MoveTo(OrganizationStatus.StruckOff, Status is OrganizationStatus.Active or OrganizationStatus.Suspended, "strike-off", reason, now);

    private void MoveTo(OrganizationStatus target, bool allowed, string action, string reason, DateTimeOffset now)
    {
        if (!allowed)
        {
            throw new RuleViolationException(new BrokenRule("ORGANIZATION_STATE", "SPEC §3", new LocalizedText(
                $"L'organisation est à l'état « {Status} » : l'action « {action} » n'est pas possible.",
                $"المنظمة في حالة «{Status}»: لا يمكن تنفيذ الإجراء «{action}».")));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var from = Status;
        Status = target;
        StatusChangedAt = now;
        Raise(new OrganizationStatusChanged(Id, from, target, reason, now));
    }
}
