using Registry.Domain.Common;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Domain.Applications;

/// <summary>An application to register an organisation, from the applicant's draft to the official's decision.</summary>
public sealed class RegistrationApplication : AggregateRoot
{
    private List<Member> _members = [];
    private List<Officer> _officers = [];

    private RegistrationApplication() { }

    public Guid OwnerId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public LegalForm LegalForm { get; private set; }
    public string? NameAr { get; private set; }
    public string? NameLatin { get; private set; }
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
    public IReadOnlyList<Member> Members => _members;
    public IReadOnlyList<Officer> Officers => _officers;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }

    /// <summary>The official's latest comments (changes requested) or reason (rejection, or approval when one was given).</summary>
    public string? DecisionNote { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.ChangesRequested;

    public static RegistrationApplication Draft(Guid ownerId, ApplicationDetails details, DateTimeOffset now)
    {
        var application = new RegistrationApplication
        {
            Id = Guid.CreateVersion7(now),
            OwnerId = ownerId,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
        };
        application.Apply(details, now);
        application.Raise(new ApplicationDrafted(application.Id, now));
        return application;
    }

    public void Edit(ApplicationDetails details, DateTimeOffset now)
    {
        Require(IsEditable, "edit");
        var changed = ChangedFields(details);
        Apply(details, now);
        Raise(new ApplicationEdited(Id, changed, now));
    }

    /// <summary>Submits the application, refusing it with every broken rule: completeness and the law's (<paramref name="legalRules"/>).</summary>
    public void Submit(DateTimeOffset now, IReadOnlyList<BrokenRule>? legalRules = null)
    {
        Require(IsEditable, "submit");
        var broken = ApplicationRules.Of(this, legalRules);
        if (broken.Count > 0)
        {
            throw new RuleViolationException(broken);
        }

        var resubmission = Status == ApplicationStatus.ChangesRequested;
        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        Raise(new ApplicationSubmitted(Id, resubmission, now));
    }

    public void RequestChanges(Guid officialId, string comments, DateTimeOffset now)
    {
        Require(Status == ApplicationStatus.Submitted, "request-changes");
        Status = ApplicationStatus.ChangesRequested;
        Decide(officialId, comments, now);
        Raise(new ApplicationChangesRequested(Id, comments, now));
    }

    public void Reject(Guid officialId, string reason, DateTimeOffset now)
    {
        Require(Status == ApplicationStatus.Submitted, "reject");
        Status = ApplicationStatus.Rejected;
        Decide(officialId, reason, now);
        Raise(new ApplicationRejected(Id, reason, now));
    }

    /// <summary>
    /// Checks that approval is allowed before a registration number is taken for it: the application is
    /// submitted and the law's rules, evaluated again now, still hold.
    /// </summary>
    public void EnsureApprovable(IReadOnlyList<BrokenRule>? legalRules = null)
    {
        Require(Status == ApplicationStatus.Submitted, "approve");
        if (legalRules is { Count: > 0 })
        {
            throw new RuleViolationException(legalRules);
        }
    }

    /// <summary>
    /// Approves the application and creates the registered organisation with its number; <paramref name="reason"/> is
    /// the official's, when they give one ("documents checked against the originals"): approving needs none.
    /// </summary>
    public Organization Approve(Guid officialId, RegistrationNumber number, DateTimeOffset now, string? reason = null)
    {
        EnsureApprovable();
        if (number.LegalForm != LegalForm || number.RegionCode != RegionCode)
        {
            throw new ArgumentException($"Registration number {number} does not belong to {LegalForm} in region {RegionCode}.", nameof(number));
        }

        var organization = Organization.Register(this, number, now);
        Status = ApplicationStatus.Approved;
        OrganizationId = organization.Id;
        Decide(officialId, reason, now);
        Raise(new ApplicationApproved(Id, organization.Id, number.Value, reason, now));
        return organization;
    }

    private void Decide(Guid officialId, string? note, DateTimeOffset now)
    {
        DecidedAt = now;
        DecidedBy = officialId;
        DecisionNote = note;
        UpdatedAt = now;
    }

    private void Apply(ApplicationDetails details, DateTimeOffset now)
    {
        LegalForm = details.LegalForm;
        NameAr = details.NameAr;
        NameLatin = details.NameLatin;
        SectorCode = details.SectorCode;
        SeatAddress = details.SeatAddress;
        ProvinceCode = details.ProvinceCode;
        RegionCode = details.RegionCode;
        FoundingDate = details.FoundingDate;
        FinancialYearEnd = details.FinancialYearEnd;
        ContactEmail = details.ContactEmail;
        ContactPhone = details.ContactPhone;
        ShareValue = details.ShareValue;
        Ice = details.Ice;
        _members = [.. details.Members];
        _officers = [.. details.Officers];
        UpdatedAt = now;
    }

    private List<string> ChangedFields(ApplicationDetails d)
    {
        var changed = new List<string>();
        void Check(string field, bool differs)
        {
            if (differs)
            {
                changed.Add(field);
            }
        }

        Check("legalForm", d.LegalForm != LegalForm);
        Check("nameAr", d.NameAr != NameAr);
        Check("nameLatin", d.NameLatin != NameLatin);
        Check("sectorCode", d.SectorCode != SectorCode);
        Check("seatAddress", d.SeatAddress != SeatAddress);
        Check("provinceCode", d.ProvinceCode != ProvinceCode);
        Check("regionCode", d.RegionCode != RegionCode);
        Check("foundingDate", d.FoundingDate != FoundingDate);
        Check("financialYearEnd", d.FinancialYearEnd != FinancialYearEnd);
        Check("contactEmail", d.ContactEmail != ContactEmail);
        Check("contactPhone", d.ContactPhone != ContactPhone);
        Check("shareValue", d.ShareValue != ShareValue);
        Check("ice", d.Ice != Ice);
        Check("members", true);
        Check("officers", true);
        return changed;
    }

    private void Require(bool allowed, string action)
    {
        if (!allowed)
        {
            throw new InvalidStateException(ApplicationRules.InvalidTransition(Status, action));
        }
    }
}
