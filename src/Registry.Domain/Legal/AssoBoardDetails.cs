using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>The declaration names the board, with each member's nationality, birth date, profession, address and CIN.</summary>
public sealed class AssoBoardDetails : ILegalRule
{
    public string Code => LegalRuleCodes.AssoBoardDetails;

    public LocalizedText Article { get; } = Laws.Associations.Article(5);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var bureau = facts.Officers.Where(Governance.Governs).ToList();
        if (bureau.Count == 0)
        {
            yield return this.Broken(
                "Aucun membre du bureau (organe de direction) n'est déclaré.",
                "لم يتم التصريح بأي عضو من أعضاء مكتب الجمعية (جهاز الإدارة والتسيير).");
            yield break;
        }

        var incomplete = new List<LocalizedText>();
        for (var i = 0; i < facts.Officers.Count; i++)
        {
            var officer = facts.Officers[i];
            if (!Governance.Governs(officer))
            {
                continue;
            }

            var missing = Missing(officer).ToList();
            if (missing.Count > 0)
            {
                var who = LegalText.Officer(i, officer, "membre du bureau", "عضو المكتب");
                var what = LegalText.Join(missing);
                incomplete.Add(new($"{who.Fr} ({what.Fr})", $"{who.Ar} ({what.Ar})"));
            }
        }

        if (incomplete.Count == 0)
        {
            yield break;
        }

        var found = LegalText.Clauses(incomplete);
        yield return this.Broken(
            "La nationalité, la date de naissance, la profession, l'adresse et le numéro de CIN de chaque membre du bureau doivent être déclarés. "
            + $"Manquant : {found.Fr}.",
            "يجب التصريح بجنسية كل عضو من أعضاء المكتب وتاريخ ازدياده ومهنته وعنوانه ورقم بطاقته الوطنية للتعريف. "
            + $"البيانات الناقصة: {found.Ar}.");
    }

    private static IEnumerable<LocalizedText> Missing(Officer officer)
    {
        if (string.IsNullOrWhiteSpace(officer.Nationality))
        {
            yield return new("nationalité", "الجنسية");
        }

        if (officer.BirthDate is null)
        {
            yield return new("date de naissance", "تاريخ الازدياد");
        }

        if (string.IsNullOrWhiteSpace(officer.Profession))
        {
            yield return new("profession", "المهنة");
        }

        if (string.IsNullOrWhiteSpace(officer.Address))
        {
            yield return new("adresse", "العنوان");
        }

        if (string.IsNullOrWhiteSpace(officer.Cin))
        {
            yield return new("CIN", "رقم البطاقة الوطنية للتعريف");
        }
    }
}
