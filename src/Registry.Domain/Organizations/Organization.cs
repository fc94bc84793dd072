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

    /// <summary>Capital subscribed and paid, in MAD (shares × share value), kept for the compliance sweep.</summary>
    public decimal SubscribedCapital { get; private set; }

    public decimal PaidCapital { get; private set; }

    /// <summary>The facts the compliance sweep reads, kept up to date by declarations.</summary>
    public DateOnly? LastDeclarationOn { get; private set; }

    public DateOnly? LastGeneralAssemblyOn { get; private set; }
    public DateOnly? LastAccountsFiledOn { get; private set; }
    public int? LastAnnualReturnYear { get; private set; }
    public DateOnly? MembersBelowMinimumSince { get; private set; }
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
        organization.RecountMembers(DateOnly.FromDateTime(now.UtcDateTime));
        organization.Raise(new OrganizationRegistered(organization.Id, application.Id, number.Value, now));
        return organization;
    }

    /// <summary>The legal minimum of members whose absence the compliance sweep reports (law 112-12 arts. 14, 85).</summary>
    public int? MinimumMembers => LegalForm switch
    {
        LegalForm.COOP => 5,
        LegalForm.UNION => 3,
        _ => null,
    };

    /// <summary>Records a declaration's effect on what the registry knows; <paramref name="today"/> is the Casablanca date.</summary>
    public void RecordDeclaration(
        Compliance.DeclarationKind kind, DateOnly effectiveOn, int? financialYear, DateOnly today, DateTimeOffset now, string? documentSha256 = null)
    {
        EnsureNotFinal("declare");
        LastDeclarationOn = today;
        switch (kind)
        {
            case Compliance.DeclarationKind.GeneralAssembly:
                LastGeneralAssemblyOn = LastGeneralAssemblyOn is { } held && held > effectiveOn ? held : effectiveOn;
                break;
            case Compliance.DeclarationKind.AnnualAccounts:
                LastAccountsFiledOn = today;
                break;
            case Compliance.DeclarationKind.MutualAnnualReturn:
                LastAnnualReturnYear = Math.Max(LastAnnualReturnYear ?? 0, financialYear ?? effectiveOn.Year);
                break;
        }

        Raise(new OrganizationDeclarationFiled(Id, kind, effectiveOn, financialYear, documentSha256, now));
    }

    /// <summary>A new board or managers (or the same people with new mandates) replace the current ones.</summary>
    public void ReplaceOfficers(IReadOnlyList<Officer> officers)
    {
        EnsureNotFinal("declare");
        _officers = [.. officers];
    }

    /// <summary>Members join and leave (leavers named by CIN or legal identifier); counts and capital follow.</summary>
    public void ChangeMembers(IReadOnlyList<Member> joining, IReadOnlyCollection<string> leaving, DateOnly today)
    {
        EnsureNotFinal("declare");
        _members = [.. _members.Where(m => !leaving.Contains(m.Cin ?? m.LegalIdentifier ?? "")), .. joining];
        RecountMembers(today);
    }

    private void RecountMembers(DateOnly today)
    {
        MemberCount = _members.Count;
        WomenMemberCount = _members.Count(m => m.Gender == Gender.Female);
        var shareValue = ShareValue ?? 0m;
        SubscribedCapital = _members.Sum(m => (decimal)m.SharesSubscribed) * shareValue;
        PaidCapital = _members.Sum(m => (decimal)m.SharesPaid) * shareValue;
        MembersBelowMinimumSince = MemberCount < MinimumMembers ? MembersBelowMinimumSince ?? today : null;
    }

    private InvalidStateException StateViolation(string action)
    {
        var state = OrganizationStates.StatusName(Status);
        var act = OrganizationStates.ActionName(action);
        return new(new BrokenRule(OrganizationStates.InvalidTransitionCode, OrganizationStates.Article, new LocalizedText(
            $"L'organisation est à l'état « {state.Fr} » : l'action « {act.Fr} » n'est pas possible.",
            $"المنظمة في حالة «{state.Ar}»: لا يمكن تنفيذ الإجراء «{act.Ar}».")));
    }

    private void EnsureNotFinal(string action)
    {
        if (Status is OrganizationStatus.StruckOff or OrganizationStatus.Dissolved)
        {
            throw StateViolation(action);
        }
    }

    public void Suspend(string reason, DateTimeOffset now) =>
        MoveTo(OrganizationStatus.Suspended, Status == OrganizationStatus.Active, "suspend", reason, now);

    public void Reinstate(string reason, DateTimeOffset now) =>
        MoveTo(OrganizationStatus.Active, Status == OrganizationStatus.Suspended, "reinstate", reason, now);

    public void StrikeOff(string reason, DateTimeOffset now) =>
        MoveTo(OrganizationStatus.StruckOff, Status is OrganizationStatus.Active or OrganizationStatus.Suspended, "strike-off", reason, now);

    /// <summary>
    /// Records the organisation's dissolution (decided by its general assembly, or pronounced by a court), final like
    /// striking off; the official records it with the reason, which names the decision.
    /// </summary>
    public void Dissolve(string reason, DateTimeOffset now) =>
        MoveTo(OrganizationStatus.Dissolved, Status is OrganizationStatus.Active or OrganizationStatus.Suspended, "dissolve", reason, now);

    private void MoveTo(OrganizationStatus target, bool allowed, string action, string reason, DateTimeOffset now)
    {
        if (!allowed)
        {
            throw StateViolation(action);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var from = Status;
        Status = target;
        StatusChangedAt = now;
        Raise(new OrganizationStatusChanged(Id, from, target, reason, now));
    }
}
