using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>
/// Every natural-person member and every officer has a well-formed CIN (<see cref="CinFormat"/>), and no CIN appears
/// twice among the members nor twice among the officers (a member may also be an officer).
/// </summary>
public sealed class PersonCin : ILegalRule
{
    public string Code => LegalRuleCodes.PersonCin;

    public string Article => "Loi 04-20 relative à la carte nationale d'identité électronique";

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
        for (var i = 0; i < facts.Officers.Count; i++)
        {
            var officer = facts.Officers[i];
            if (!CinFormat.IsValid(officer.Cin))
            {
                malformed.Add(LegalText.Officer(i, officer));
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
        if (findings.Count == 0)
        {
            yield break;
        }

        var found = LegalText.Clauses(findings);
        yield return this.Broken(
            $"Numéros de carte nationale d'identité : {found.Fr}.",
            $"أرقام البطاقة الوطنية للتعريف: {found.Ar}.");
    }

    /// <summary>The positions sharing one CIN, for each CIN declared more than once.</summary>
    private static IEnumerable<LocalizedText> Duplicates(List<(int Position, string Cin)> cins) =>
        cins.GroupBy(entry => entry.Cin, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Select(entry => entry.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList())
            .Select(positions => new LocalizedText(string.Join(", ", positions), string.Join("، ", positions)));
}
