using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Validation;
using Registry.Domain.Applications;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Application.Applications;

/// <summary>The body of POST and PUT /api/v1/applications: what the applicant declares.</summary>
public sealed record ApplicationInput(
    [property: JsonRequired] LegalForm LegalForm,
    string? NameAr,
    string? NameLatin,
    string SectorCode,
    string SeatAddress,
    string ProvinceCode,
    DateOnly FoundingDate,
    string FinancialYearEnd,
    string? ContactEmail,
    string? ContactPhone,
    IReadOnlyList<MemberInput>? Members,
    IReadOnlyList<OfficerInput>? Officers,
    decimal? ShareValue = null,
    string? Ice = null);

public sealed record MemberInput(
    [property: JsonRequired] MemberKind Kind,
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

public sealed record OfficerInput(
    [property: JsonRequired] OfficerRole Role,
    string? FullNameAr,
    string? FullNameLatin,
    string? Cin,
    DateOnly? BirthDate,
    string? Nationality,
    string? Profession,
    string? Address,
    DateOnly MandateStart,
    DateOnly MandateEnd,
    bool IsParticipatingMember = true);

/// <summary>
/// The shape of an application; the law's rules come later, at submission (422, not 400). The founding date is that of
/// the constitutive general assembly, already held: not after today, counted in Morocco as the law's other dates are.
/// </summary>
public sealed class ApplicationInputValidator : AbstractValidator<ApplicationInput>
{
    public const int MaxMembers = 5_000;
    public const int MaxOfficers = 100;

    /// <summary>A contact phone number: 6 to 20 digits or spaces, + first (the bulk import checks it too).</summary>
    public const string PhonePattern = @"^\+?[0-9 ]{6,20}$";

    /// <summary>The largest value of a share, in MAD (the bulk import checks it too).</summary>
    public const decimal MaxShareValue = 100_000_000m;

    public ApplicationInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.LegalForm).IsInEnum();
        RuleFor(x => x.NameAr).ArabicOrganizationName();
        RuleFor(x => x.NameLatin).LatinOrganizationName();
        RuleFor(x => x.SectorCode).NotEmpty().Text(20);
        RuleFor(x => x.SeatAddress).NotEmpty().Text(500);
        RuleFor(x => x.ProvinceCode).NotEmpty().Matches("^[0-9]{3}$").WithMessage("Une province est désignée par son code HCP à 3 chiffres.", "يشار إلى الإقليم برمزه لدى المندوبية السامية للتخطيط المكون من 3 أرقام.");
        RuleFor(x => x.FoundingDate).GreaterThanOrEqualTo(new DateOnly(1900, 1, 1))
            .Must(d => d <= LegalCalendar.Today(clock)).WithMessage(
                "La date de création est celle de l'assemblée générale constitutive, déjà tenue : elle ne peut pas être postérieure à aujourd'hui.",
                "تاريخ التأسيس هو تاريخ الجمع العام التأسيسي الذي انعقد بالفعل، فلا يمكن أن يكون بعد تاريخ اليوم.");
        RuleFor(x => x.FinancialYearEnd).NotEmpty().Must(BeAMonthDay).WithMessage("La clôture de l'exercice est un mois et un jour, MM-JJ.", "نهاية السنة المالية شهر ويوم بصيغة MM-DD.");
        RuleFor(x => x.ContactEmail).Email();
        RuleFor(x => x.ContactPhone).Matches(PhonePattern).WithMessage("Un numéro de téléphone compte de 6 à 20 chiffres.", "يتكون رقم الهاتف من 6 إلى 20 رقما.");
        RuleFor(x => x.ShareValue).InclusiveBetween(0m, MaxShareValue)
            .PrecisionScale(14, 2, ignoreTrailingZeros: true).WithMessage("La valeur d'une part s'exprime en dirhams avec au plus 2 décimales (centimes).", "تحدد قيمة الحصة بالدرهم مع رقمين عشريين على الأكثر (السنتيمات).");
        RuleFor(x => x.Ice).Must(BeAnIce).WithMessage("Un ICE compte 15 chiffres et le nombre entier est divisible par 97.", "يتكون المعرف الموحد للمقاولة من 15 رقما ويكون العدد بكامله قابلا للقسمة على 97.");
        RuleFor(x => x.Members).Must(m => m is null || m.Count <= MaxMembers).WithMessage($"Au plus {MaxMembers} membres par demande.", $"{MaxMembers} عضو على الأكثر في كل طلب.");
        RuleForEach(x => x.Members).NotNull().SetValidator(new MemberInputValidator());
        RuleFor(x => x.Officers).Must(o => o is null || o.Count <= MaxOfficers).WithMessage($"Au plus {MaxOfficers} dirigeants par demande.", $"{MaxOfficers} مسير على الأكثر في كل طلب.");
        RuleForEach(x => x.Officers).NotNull().SetValidator(new OfficerInputValidator());
    }

    /// <summary>
    /// Identifiant commun de l'entreprise: 15 digits whose value is a multiple of 97 (its last two digits are the key).
    /// Blank is no ICE and surrounding spaces are not part of it, as the stored value is trimmed.
    /// </summary>
    public static bool BeAnIce(string? value) =>
        value?.Trim() is not { Length: > 0 } ice
        || (ice.Length == 15 && ice.All(char.IsAsciiDigit) && ulong.Parse(ice, System.Globalization.CultureInfo.InvariantCulture) % 97 == 0);

    /// <summary>
    /// A financial year's last day, MM-DD: two ASCII digits each (a sign or a space read as a number let "+1-+1" and
    /// " 1- 1" through, stored as typed), a day that every year has (not 02-29). The bulk import checks it too.
    /// </summary>
    public static bool BeAMonthDay(string? value) =>
        value is { Length: 5 } && value[2] == '-'
        && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[3]) && char.IsAsciiDigit(value[4])
        && (value[0] - '0') * 10 + (value[1] - '0') is var month && month is >= 1 and <= 12
        && (value[3] - '0') * 10 + (value[4] - '0') is var day && day >= 1 && day <= DateTime.DaysInMonth(2023, month);
}

public sealed class MemberInputValidator : AbstractValidator<MemberInput>
{
    /// <summary>The most shares a member subscribes or pays (the bulk import checks it too).</summary>
    public const int MaxShares = 100_000_000;

    public MemberInputValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.FullNameAr).Text(200);
        RuleFor(x => x.FullNameLatin).Text(200);
        RuleFor(x => x.Cin).Text(12);
        RuleFor(x => x.Nationality).Text(60);
        RuleFor(x => x.Address).Text(500);
        RuleFor(x => x.LegalName).Text(200);
        RuleFor(x => x.LegalIdentifier).Text(40);
        RuleFor(x => x.Gender).IsInEnum();
        RuleFor(x => x.BirthDate).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2100, 1, 1));
        RuleFor(x => x.SharesSubscribed).InclusiveBetween(0, MaxShares);
        RuleFor(x => x.SharesPaid).InclusiveBetween(0, MaxShares).LessThanOrEqualTo(x => x.SharesSubscribed);
        When(x => x.Kind == MemberKind.NaturalPerson, () =>
            RuleFor(x => x.FullNameAr).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.FullNameLatin))
                .WithMessage("Une personne physique a un nom complet en arabe ou en caractères latins.", "للشخص الذاتي اسم كامل بالعربية أو بالحروف اللاتينية."));
        When(x => x.Kind == MemberKind.LegalPerson, () => RuleFor(x => x.LegalName).NotEmpty());
    }
}

public sealed class OfficerInputValidator : AbstractValidator<OfficerInput>
{
    /// <summary>The latest start and end of a mandate (the bulk import checks them too).</summary>
    public static readonly DateOnly LatestMandateStart = new(2100, 1, 1);

    public static readonly DateOnly LatestMandateEnd = new(2150, 1, 1);

    public OfficerInputValidator()
    {
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.FullNameAr).Text(200);
        RuleFor(x => x.FullNameLatin).Text(200);
        RuleFor(x => x.FullNameAr).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.FullNameLatin))
            .WithMessage("Un dirigeant a un nom complet en arabe ou en caractères latins.", "للمسير اسم كامل بالعربية أو بالحروف اللاتينية.");
        RuleFor(x => x.Cin).Text(12);
        RuleFor(x => x.Nationality).Text(60);
        RuleFor(x => x.Profession).Text(100);
        RuleFor(x => x.Address).Text(500);
        RuleFor(x => x.BirthDate).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2100, 1, 1));
        RuleFor(x => x.MandateStart).InclusiveBetween(new DateOnly(1900, 1, 1), LatestMandateStart);
        RuleFor(x => x.MandateEnd).GreaterThan(x => x.MandateStart).LessThanOrEqualTo(LatestMandateEnd);
    }
}

/// <summary>Turns the applicant's input into domain details, resolving the province's region from reference data.</summary>
public sealed class ApplicationDetailsResolver(IRegistryDbContext db)
{
    public async Task<ApplicationDetails> ResolveAsync(ApplicationInput input, CancellationToken cancellationToken)
    {
        var regionCode = await db.Provinces.Where(p => p.Code == input.ProvinceCode).Select(p => p.RegionCode).SingleOrDefaultAsync(cancellationToken);
        var sector = await db.Sectors.AsNoTracking().SingleOrDefaultAsync(s => s.Code == input.SectorCode, cancellationToken);
        var failures = new List<ValidationFailure>();
        if (regionCode is null)
        {
            failures.Add(new ValidationFailure(nameof(input.ProvinceCode), Localized.Text(
                $"Province inconnue « {input.ProvinceCode} ».", $"إقليم غير معروف «{input.ProvinceCode}».")));
        }

        if (sector is null)
        {
            failures.Add(new ValidationFailure(nameof(input.SectorCode), Localized.Text(
                $"Secteur inconnu « {input.SectorCode} ».", $"قطاع غير معروف «{input.SectorCode}».")));
        }
        else if (!sector.AppliesTo.Contains(input.LegalForm.ToString()))
        {
            failures.Add(new ValidationFailure(nameof(input.SectorCode), Localized.Text(
                $"Le secteur « {sector.Code} » ne s'applique pas à la forme {input.LegalForm}.", $"القطاع «{sector.Code}» لا ينطبق على الشكل القانوني {input.LegalForm}.")));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return new ApplicationDetails(
            input.LegalForm, Clean(input.NameAr), Clean(input.NameLatin), input.SectorCode, input.SeatAddress.Trim(), input.ProvinceCode, regionCode!,
            input.FoundingDate, input.FinancialYearEnd, Clean(input.ContactEmail), Clean(input.ContactPhone),
            [.. (input.Members ?? []).Select(ToMember)],
            [.. (input.Officers ?? []).Select(ToOfficer)],
            input.ShareValue, Clean(input.Ice));
    }

    /// <summary>A member as declared, trimmed; used by applications and by members' change declarations.</summary>
    public static Member ToMember(MemberInput m) => m.Kind == MemberKind.LegalPerson
        ? Member.LegalPerson(m.LegalName!.Trim(), Identifier(m.LegalIdentifier), m.SharesSubscribed, m.SharesPaid)
        : Member.NaturalPerson(Clean(m.FullNameAr), Clean(m.FullNameLatin), Clean(m.Cin), m.BirthDate, m.Gender,
            Clean(m.Nationality), Clean(m.Address), m.SharesSubscribed, m.SharesPaid);

    /// <summary>An officer as declared, trimmed; used by applications and by management declarations.</summary>
    public static Officer ToOfficer(OfficerInput o) => Officer.Create(o.Role, Clean(o.FullNameAr), Clean(o.FullNameLatin), Clean(o.Cin),
        o.BirthDate, Clean(o.Nationality), Clean(o.Profession), Clean(o.Address), o.MandateStart, o.MandateEnd, o.IsParticipatingMember);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// A legal person's identifier; a registration number of this registry in its canonical (upper-case) spelling,
    /// as search reads it, so that a union's member cooperatives are found however their numbers were typed.
    /// </summary>
    private static string? Identifier(string? value) =>
        RegistrationNumber.TryParseTyped(value, out var number) ? number.Value : Clean(value);
}
