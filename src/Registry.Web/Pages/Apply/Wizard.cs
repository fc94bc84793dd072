using System.Globalization;
using Registry.Application.Applications;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Legal;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Apply;

/// <summary>The steps of an application, in order; each step's page edits one part of the same draft.</summary>
public enum Step
{
    Organisation,
    Seat,
    Members,
    Management,
    Documents,
    Review,
}


/// <summary>What the summary of a wizard page lists, and the step navigation.</summary>
public static class Wizard
{
    public static IReadOnlyList<Step> Steps { get; } = Enum.GetValues<Step>();

    public static string Slug(Step step) => step.ToString().ToLowerInvariant();

    public static string Title(Step step) => step switch
    {
        Step.Organisation => ApplyText.OrganisationStep,
        Step.Seat => ApplyText.SeatStep,
        Step.Members => ApplyText.MembersStep,
        Step.Management => ApplyText.ManagementStep,
        Step.Documents => ApplyText.DocumentsStep,
        _ => ApplyText.ReviewStep,
    };

    /// <summary>The address of a step of application <paramref name="id"/> (null: the one not yet created).</summary>
    public static string Url(Guid? id, Step step, bool fromReview = false) =>
        $"/apply/{(id is { } g ? g.ToString() : "new")}/{Slug(step)}{(fromReview ? "?from=review" : "")}";

    /// <summary>
    /// The step whose form holds a field, from the field's id: <c>members-2-cin</c> is on the members step,
    /// <c>officers-0-mandateEnd</c> on management, the seat's two fields on the seat step, the rest on the first step.
    /// </summary>
    public static Step StepOfField(string field) => field switch
    {
        _ when field.StartsWith("members", StringComparison.Ordinal) => Step.Members,
        _ when field.StartsWith("officers", StringComparison.Ordinal) => Step.Management,
        "provinceCode" or "seatAddress" => Step.Seat,
        "file" or "kind" or "documents" => Step.Documents,
        "submit" => Step.Review,
        _ => Step.Organisation,
    };

    /// <summary>
    /// A validator's property path (<c>Input.Members[2].Cin</c>, <c>ProvinceCode</c>) as the id of the field that shows
    /// it (<c>members-2-cin</c>, <c>provinceCode</c>).
    /// </summary>
    public static string FieldOf(string propertyPath)
    {
        var path = propertyPath.StartsWith("Input.", StringComparison.Ordinal) ? propertyPath["Input.".Length..] : propertyPath;
        if (path.Length == 0)
        {
            return "organisation";
        }

        var parts = path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
            .Split('.', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', parts.Select(Camel));
    }

    private static string Camel(string part) => part.Length == 0 || !char.IsUpper(part[0]) ? part : char.ToLowerInvariant(part[0]) + part[1..];

    /// <summary>
    /// The steps a broken rule concerns, with the id of the field or section it is shown beside. Rules about persons
    /// (age, CIN) concern both members and officers.
    /// </summary>
    public static IReadOnlyList<(Step Step, string Anchor)> PlacesOf(string ruleCode) => ruleCode switch
    {
        ApplicationRules.NameRequiredCode or LegalRuleCodes.CoopNameApproved => [(Step.Organisation, "nameAr")],
        LegalRuleCodes.CoopShareValue => [(Step.Organisation, "shareValue")],
        ApplicationRules.MembersRequiredCode or LegalRuleCodes.CoopMinMembers or LegalRuleCodes.CoopMinCapital or LegalRuleCodes.CoopQuarterPaid
            or LegalRuleCodes.CoopNaturalCapital or LegalRuleCodes.CoopLegalPersonVotes or LegalRuleCodes.UnionMinCoops
            or LegalRuleCodes.AssoMinFounders => [(Step.Members, "members")],
        LegalRuleCodes.PersonAdult or LegalRuleCodes.PersonCin => [(Step.Members, "members"), (Step.Management, "officers")],
        LegalRuleCodes.CoopManagement or LegalRuleCodes.AssoBoardDetails or LegalRuleCodes.MutuAdministrators => [(Step.Management, "officers")],
        LegalRuleCodes.RequiredDocuments or LegalRuleCodes.MutuFinancialPlan => [(Step.Documents, "documents")],
        _ => [(Step.Review, "submit")],
    };

    /// <summary>The broken rules a step shows beside <paramref name="anchor"/>.</summary>
    public static IReadOnlyList<string> RulesAt(IReadOnlyList<BrokenRule> rules, Step step, string anchor) =>
        [.. rules.Where(r => PlacesOf(r.Code).Contains((step, anchor))).Select(r => Ui.In(r.Message))];

    /// <summary>The application as the API's body, to change one part of it and send it back whole.</summary>
    public static ApplicationInput ToInput(ApplicationView a) => new(
        a.LegalForm, a.NameAr, a.NameLatin, a.SectorCode, a.SeatAddress, a.ProvinceCode, a.FoundingDate, a.FinancialYearEnd,
        a.ContactEmail, a.ContactPhone,
        [.. a.Members.Select(m => new MemberInput(m.Kind, m.FullNameAr, m.FullNameLatin, m.Cin, m.BirthDate, m.Gender, m.Nationality, m.Address,
            m.LegalName, m.LegalIdentifier, m.SharesSubscribed, m.SharesPaid))],
        [.. a.Officers.Select(o => new OfficerInput(o.Role, o.FullNameAr, o.FullNameLatin, o.Cin, o.BirthDate, o.Nationality, o.Profession,
            o.Address, o.MandateStart, o.MandateEnd, o.IsParticipatingMember))],
        a.ShareValue, a.Ice);

    public static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Invariant(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>Reads what a form sent (always text: a hand-made request may send anything) into values, noting what it could not read.</summary>
public sealed class FormReader(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
{
    public DateOnly? Date(string? text, string field, bool required)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                modelState.AddModelError(field, ApplyText.DateRequired);
            }

            return null;
        }

        // What a date input sends, or what a person types where the browser has no date input (see Field's remarks).
        if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy-M-d", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        modelState.AddModelError(field, ApplyText.DateInvalid);
        return null;
    }

    public decimal? Amount(string? text, string field)
    {
        var value = text?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length <= 20 && decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        modelState.AddModelError(field, ApplyText.NumberInvalid);
        return null;
    }

    public int Whole(string? text, string field)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        if (value.Length <= 10 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        modelState.AddModelError(field, ApplyText.WholeNumberInvalid);
        return 0;
    }

    public TEnum? Choice<TEnum>(string? text, string field, string? message)
        where TEnum : struct, Enum
    {
        if (!string.IsNullOrEmpty(text) && text.Length <= 40 && text.All(char.IsAsciiLetter)
            && Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        if (message is not null)
        {
            modelState.AddModelError(field, message);
        }

        return null;
    }
}
