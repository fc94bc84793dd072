using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>
/// Every natural-person member and every officer has reached the age of majority on the submission date
/// (18; <paramref name="officerMinimumAge"/> for officers of the governing body, 21 for mutual administrators; an auditor is
/// held to the members' age). An undeclared birth date breaks it.
/// Ages are counted as <see cref="LegalAge"/> does.
/// </summary>
public sealed class PersonAdult(int memberMinimumAge, int officerMinimumAge) : ILegalRule
{
    public const int DefaultMinimumAge = 18;

    public string Code => LegalRuleCodes.PersonAdult;

    public LocalizedText Article { get; } = Laws.FamilyCode.Article(209);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var date = facts.SubmissionDate;
        var minors = new List<LocalizedText>();
        for (var i = 0; i < facts.Members.Count; i++)
        {
            var member = facts.Members[i];
            if (member.Kind == MemberKind.NaturalPerson && !LegalAge.HasReached(member.BirthDate, memberMinimumAge, date))
            {
                minors.Add(Describe(LegalText.Member(i, member), member.BirthDate, date));
            }
        }

        for (var i = 0; i < facts.Officers.Count; i++)
        {
            var officer = facts.Officers[i];
            var minimumAge = Governance.Governs(officer) ? officerMinimumAge : memberMinimumAge;
            if (!LegalAge.HasReached(officer.BirthDate, minimumAge, date))
            {
                minors.Add(Describe(LegalText.Officer(i, officer), officer.BirthDate, date));
            }
        }

        if (minors.Count == 0)
        {
            yield break;
        }

        var ages = memberMinimumAge == officerMinimumAge
            ? new LocalizedText($"{memberMinimumAge} ans", $"{memberMinimumAge} سنة")
            : new LocalizedText(
                $"{memberMinimumAge} ans pour les membres, {officerMinimumAge} ans pour les dirigeants",
                $"{memberMinimumAge} سنة بالنسبة للأعضاء و{officerMinimumAge} سنة بالنسبة لأعضاء جهاز التسيير");
        var found = LegalText.Clauses(minors);
        yield return this.Broken(
            $"Âge minimum ({ages.Fr}) non atteint à la date de dépôt ({LegalText.Iso(date)}) : {found.Fr}.",
            $"لم يبلغ الأشخاص الآتي ذكرهم السن الأدنى المطلوب ({ages.Ar}) في تاريخ إيداع الطلب ({LegalText.Iso(date)}): {found.Ar}.");
    }

    private static LocalizedText Describe(LocalizedText who, DateOnly? birthDate, DateOnly date)
    {
        if (birthDate is not { } birth)
        {
            return new($"{who.Fr} (date de naissance non déclarée)", $"{who.Ar} (تاريخ الازدياد غير مصرح به)");
        }

        if (birth > date)
        {
            return new($"{who.Fr} (date de naissance postérieure à la date de dépôt)", $"{who.Ar} (تاريخ الازدياد لاحق لتاريخ الإيداع)");
        }

        var age = LegalAge.YearsOn(birth, date);
        return new($"{who.Fr} ({LegalText.Count(age, "an", "ans")})", $"{who.Ar} (السن: {LegalText.ArYears(age)})");
    }
}
