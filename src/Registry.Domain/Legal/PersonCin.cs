using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Names;

namespace Registry.Domain.Legal;

/// <summary>
/// Every natural-person member and every officer has a well-formed CIN (<see cref="CinFormat"/>), and no CIN appears
/// twice among the members nor twice among the officers. A member may also be an officer, under the one CIN, but only
/// as the same person: a member and an officer sharing a CIN while born on different days, or whose names have no word
/// in common in any script both are written in, are two persons with one CIN.
/// </summary>
/// <remarks>
/// Names are compared loosely (any common word after <see cref="NameNormalizer"/>) because the same person is often
/// written a little differently in the members' list and in the management ("Fatima Zahra" / "Fatima-Zahra El
/// Idrissi"); only names that cannot be the same person's break the rule.
/// </remarks>
public sealed class PersonCin : ILegalRule
{
    public string Code => LegalRuleCodes.PersonCin;

    public LocalizedText Article { get; } = Laws.IdentityCard.Whole;

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var malformed = new List<LocalizedText>();
        var memberCins = new List<(int Position, string Cin)>();
        for (var i = 0; i < facts.Members.Count; i++)
        {
            var member = facts.Members[i];
            if (member.Kind != MemberKind.NaturalPerson)
            {
                continue;
            }

            if (!CinFormat.IsValid(member.Cin))
            {
                malformed.Add(LegalText.Member(i, member));
            }

            if (!string.IsNullOrWhiteSpace(member.Cin))
            {
                memberCins.Add((i + 1, member.Cin));
            }
        }

        var officerCins = new List<(int Position, string Cin)>();
        var impostors = new List<LocalizedText>();
        for (var i = 0; i < facts.Officers.Count; i++)
        {
            var officer = facts.Officers[i];
            if (!CinFormat.IsValid(officer.Cin))
            {
                malformed.Add(LegalText.Officer(i, officer));
            }

            for (var m = 0; m < facts.Members.Count; m++)
            {
                var member = facts.Members[m];
                if (member.Kind == MemberKind.NaturalPerson && !string.IsNullOrWhiteSpace(officer.Cin)
                    && string.Equals(member.Cin, officer.Cin, StringComparison.Ordinal) && !SamePerson(member, officer))
                {
                    var who = LegalText.Member(m, member);
                    var other = LegalText.Officer(i, officer);
                    impostors.Add(new(
                        $"même CIN déclaré pour le {who.Fr} et le {other.Fr}, qui ne sont pas la même personne (noms ou dates de naissance différents)",
                        $"نفس رقم البطاقة الوطنية للتعريف مصرح به لكل من {who.Ar} و{other.Ar}، وهما ليسا نفس الشخص (اختلاف الاسم أو تاريخ الازدياد)"));
                }
            }

            if (!string.IsNullOrWhiteSpace(officer.Cin))
            {
                officerCins.Add((i + 1, officer.Cin));
            }
        }

        var findings = new List<LocalizedText>();
        if (malformed.Count > 0)
        {
            var list = LegalText.Join(malformed);
            findings.Add(new(
                $"CIN manquant ou mal formé (une ou deux lettres majuscules suivies de 1 à 6 chiffres) : {list.Fr}",
                $"رقم البطاقة الوطنية للتعريف غير مصرح به أو غير صحيح (حرف أو حرفان لاتينيان كبيران متبوعان بـ 1 إلى 6 أرقام): {list.Ar}"));
        }

        findings.AddRange(Duplicates(memberCins).Select(positions => new LocalizedText(
            $"même CIN déclaré pour les membres n° {positions.Fr}",
            $"نفس رقم البطاقة الوطنية للتعريف مصرح به للأعضاء ذوي الأرقام {positions.Ar}")));
        findings.AddRange(Duplicates(officerCins).Select(positions => new LocalizedText(
            $"même CIN déclaré pour les dirigeants n° {positions.Fr}",
            $"نفس رقم البطاقة الوطنية للتعريف مصرح به لأعضاء جهاز التسيير ذوي الأرقام {positions.Ar}")));
        findings.AddRange(impostors);
        if (findings.Count == 0)
        {
            yield break;
        }

        var found = LegalText.Clauses(findings);
        yield return this.Broken(
            $"Numéros de carte nationale d'identité : {found.Fr}.",
            $"أرقام البطاقة الوطنية للتعريف: {found.Ar}.");
    }

    /// <summary>Whether a member and an officer declared under one CIN can be one person (see the remarks).</summary>
    private static bool SamePerson(Member member, Officer officer) =>
        CanBeOnePerson(member.BirthDate, member.FullNameAr, member.FullNameLatin, officer.BirthDate, officer.FullNameAr, officer.FullNameLatin);

    /// <summary>
    /// Whether two people declared under one CIN can be one person: not born on different days, and their names have a
    /// word in common in a script both are written in (see the remarks). Also the bulk import's check.
    /// </summary>
    public static bool CanBeOnePerson(DateOnly? birthDate, string? fullNameAr, string? fullNameLatin, DateOnly? otherBirthDate, string? otherFullNameAr, string? otherFullNameLatin)
    {
        if (birthDate is { } birth && otherBirthDate is { } otherBirth && birth != otherBirth)
        {
            return false;
        }

        var compared = false;
        foreach (var (name, otherName) in new[] { (fullNameAr, otherFullNameAr), (fullNameLatin, otherFullNameLatin) })
        {
            var words = Words(name);
            var otherWords = Words(otherName);
            if (words.Count == 0 || otherWords.Count == 0)
            {
                continue;
            }

            if (words.Overlaps(otherWords))
            {
                return true;
            }

            compared = true;
        }

        return !compared;
    }

    private static HashSet<string> Words(string? name) =>
        new(NameNormalizer.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>The positions sharing one CIN, for each CIN declared more than once.</summary>
    private static IEnumerable<LocalizedText> Duplicates(List<(int Position, string Cin)> cins) =>
        cins.GroupBy(entry => entry.Cin, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Select(entry => entry.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList())
            .Select(positions => new LocalizedText(string.Join(", ", positions), string.Join("، ", positions)));
}
