using Registry.Domain.Common;
using Registry.Domain.Documents;
using Registry.Domain.Legal;
using static Registry.Domain.Tests.Legal.LegalTestData;

namespace Registry.Domain.Tests.Legal;

public sealed class MutualRulesTests
{
    [Fact]
    public void A_missing_financial_plan_breaks_its_own_rule_not_the_documents_rule()
    {
        var facts = Mutual() with { AttachedDocuments = Attached(DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes) };

        var codes = Codes(facts);

        Assert.Equal([LegalRuleCodes.MutuFinancialPlan], codes);
        Assert.Equal(new LocalizedText("Dahir 1-57-187 du 12 novembre 1963, art. 4", "الظهير رقم 1.57.187 بتاريخ 12 نونبر 1963، الفصل 4"), Broken(facts, LegalRuleCodes.MutuFinancialPlan).Article);
    }

    [Fact]
    public void An_administrator_aged_20_breaks_the_rule()
    {
        var facts = Mutual() with { Officers = [Administrator(1), Administrator(2), Administrator(3, birthDate: SubmittedOn.AddYears(-21).AddDays(1))] };

        var codes = Codes(facts);

        Assert.Contains(LegalRuleCodes.MutuAdministrators, codes);
        Assert.Contains(LegalRuleCodes.PersonAdult, codes);
        Assert.Contains("de moins de 21 ans à la date de dépôt ou sans date de naissance : administrateur n° 3 « Dirigeant 3 »",
            Broken(facts, LegalRuleCodes.MutuAdministrators).Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_administrator_turning_21_on_the_submission_date_keeps_the_rule()
    {
        var facts = Mutual() with { Officers = [Administrator(1), Administrator(2), Administrator(3, birthDate: SubmittedOn.AddYears(-21))] };

        Assert.Empty(RuleBook.Evaluate(facts));
    }

    [Fact]
    public void An_administrator_without_a_birth_date_breaks_the_rule()
    {
        var officer = Registry.Domain.Applications.Officer.Create(
            Registry.Domain.Applications.OfficerRole.Administrator, "مسير 3", "Dirigeant 3", Cin(3), null, "MA", "Enseignant", "Rabat", MandateStart, MandateStart.AddYears(3));

        Assert.Contains(LegalRuleCodes.MutuAdministrators, Codes(Mutual() with { Officers = [Administrator(1), Administrator(2), officer] }));
    }

    [Theory]
    [InlineData("MA")]
    [InlineData("ma")]
    [InlineData("MAR")]
    [InlineData("Marocaine")]
    [InlineData("MAROCAIN")]
    [InlineData("marocain")]
    [InlineData("مغربية")]
    [InlineData("مغربي")]
    [InlineData("المغربية")]
    [InlineData("مغربيه")]
    [InlineData("Marocaine ")]
    [InlineData("Moroccan")]
    [InlineData(" MA ")]
    [InlineData("Maroc")]
    [InlineData("MAROC")]
    [InlineData(" maroc ")]
    [InlineData("Royaume du Maroc")]
    [InlineData("Morocco")]
    [InlineData("Kingdom of Morocco")]
    [InlineData("Marocaine (MA)")]
    [InlineData("Marocain (MAR)")]
    [InlineData("Ma rocaine")]
    [InlineData("المغرب")]
    [InlineData("المغـرب")]
    [InlineData("مغربيّة")]
    [InlineData("المملكة المغربية")]
    [InlineData("المغربية (MA)")]
    public void Every_spelling_of_the_Moroccan_nationality_is_accepted(string nationality) =>
        Assert.Empty(RuleBook.Evaluate(Mutual() with { Officers = [Administrator(1, nationality), Administrator(2), Administrator(3)] }));

    [Theory]
    [InlineData("FR")]
    [InlineData("Française")]
    [InlineData("France")]
    [InlineData("Française (MA)")]
    [InlineData("Marocaine (FR)")]
    [InlineData("Mali")]
    [InlineData("Marocco Polo")]
    [InlineData("فرنسية")]
    [InlineData("()")]
    [InlineData("")]
    [InlineData(null)]
    public void A_foreign_or_undeclared_nationality_breaks_the_rule(string? nationality)
    {
        var facts = Mutual() with { Officers = [Administrator(1), Administrator(2, nationality), Administrator(3)] };

        var broken = Broken(facts, LegalRuleCodes.MutuAdministrators);

        Assert.Equal(new LocalizedText("Dahir 1-57-187 du 12 novembre 1963, art. 11", "الظهير رقم 1.57.187 بتاريخ 12 نونبر 1963، الفصل 11"), broken.Article);
        Assert.Contains("sans la nationalité marocaine : administrateur n° 2", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "0 membre participant sur 1 administrateur, il en faut au moins 1 (les deux tiers)")]
    [InlineData(2, "0 membre participant sur 2 administrateurs, il en faut au moins 2 (les deux tiers)")]
    public void The_participating_members_finding_agrees_with_its_counts(int administrators, string finding)
    {
        var facts = Mutual() with { Officers = [.. Enumerable.Range(1, administrators).Select(n => Administrator(n, participating: false))] };

        Assert.Contains(finding, Broken(facts, LegalRuleCodes.MutuAdministrators).Message.Fr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 2, false)]
    [InlineData(3, 1, true)]
    [InlineData(6, 4, false)]
    [InlineData(6, 3, true)]
    [InlineData(1, 1, false)]
    [InlineData(1, 0, true)]
    [InlineData(2, 1, true)]
    public void At_least_two_thirds_of_the_administrators_are_participating_members(int administrators, int participating, bool broken)
    {
        var facts = Mutual() with { Officers = [.. Enumerable.Range(1, administrators).Select(n => Administrator(n, participating: n <= participating))] };

        Assert.Equal(broken, Codes(facts).Contains(LegalRuleCodes.MutuAdministrators));
    }

    [Fact]
    public void An_auditor_is_not_an_administrator_so_needs_neither_nationality_participation_nor_21_years()
    {
        var auditor = Person(Registry.Domain.Applications.OfficerRole.Auditor, 4, nationality: "FR", birthDate: SubmittedOn.AddYears(-19), participating: false);

        Assert.Empty(RuleBook.Evaluate(Mutual() with { Officers = [Administrator(1), Administrator(2), Administrator(3), auditor] }));
    }

    [Fact]
    public void An_auditor_of_a_mutual_society_is_still_an_adult()
    {
        var auditor = Person(Registry.Domain.Applications.OfficerRole.Auditor, 4, birthDate: SubmittedOn.AddYears(-17));

        var facts = Mutual() with { Officers = [Administrator(1), Administrator(2), Administrator(3), auditor] };

        Assert.Equal([LegalRuleCodes.PersonAdult], Codes(facts));
    }

    [Fact]
    public void An_auditor_alone_is_not_an_administrator() =>
        Assert.Contains("Aucun administrateur",
            Broken(Mutual() with { Officers = [Person(Registry.Domain.Applications.OfficerRole.Auditor, 1)] }, LegalRuleCodes.MutuAdministrators).Message.Fr,
            StringComparison.Ordinal);

    [Fact]
    public void The_participation_message_gives_the_numbers()
    {
        var facts = Mutual() with { Officers = [Administrator(1), Administrator(2, participating: false), Administrator(3, participating: false)] };

        Assert.Contains("1 membre participant sur 3 administrateurs, il en faut au moins 2 (les deux tiers)",
            Broken(facts, LegalRuleCodes.MutuAdministrators).Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mutual_society_needs_administrators()
    {
        var broken = Broken(Mutual() with { Officers = [] }, LegalRuleCodes.MutuAdministrators);

        Assert.Contains("Aucun administrateur", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_breaches_of_the_administrators_rule_make_one_broken_rule()
    {
        var facts = Mutual() with { Officers = [Administrator(1, "FR", participating: false), Administrator(2, birthDate: SubmittedOn.AddYears(-19), participating: false)] };

        var broken = Broken(facts, LegalRuleCodes.MutuAdministrators);

        Assert.Contains("nationalité marocaine : administrateur n° 1", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("sans date de naissance : administrateur n° 2", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("0 membre participant sur 2 administrateurs", broken.Message.Fr, StringComparison.Ordinal);
    }
}
