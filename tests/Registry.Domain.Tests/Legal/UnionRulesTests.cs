using Registry.Domain.Common;
using Registry.Domain.Legal;
using static Registry.Domain.Tests.Legal.LegalTestData;

namespace Registry.Domain.Tests.Legal;

public sealed class UnionRulesTests
{
    [Fact]
    public void Three_active_cooperatives_form_a_union() => Assert.Empty(RuleBook.Evaluate(Union()));

    [Fact]
    public void Two_active_cooperatives_do_not()
    {
        var facts = Union() with { Members = [.. Union().Members.Take(2)] };

        var broken = Broken(facts, LegalRuleCodes.UnionMinCoops);

        Assert.Equal(new LocalizedText("Loi 112-12, art. 85", "القانون رقم 112.12، المادة 85"), broken.Article);
        Assert.Contains("au moins 3 coopératives", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("en activité : 2.", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_that_is_not_an_active_cooperative_breaks_the_rule_and_is_named()
    {
        var facts = Union() with { ActiveCooperativeNumbers = Numbers(ActiveCooperatives[0], ActiveCooperatives[1]) };

        var broken = Broken(facts, LegalRuleCodes.UnionMinCoops);

        Assert.Contains("membre n° 3 « Coopérative 3 »", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("العضو رقم 3", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_members_with_one_inactive_still_break_the_rule()
    {
        var facts = Union() with { Members = [.. Union().Members, LegalPerson(4, identifier: "COOP-06-2019-000999")] };

        Assert.Contains(LegalRuleCodes.UnionMinCoops, Codes(facts));
    }

    [Fact]
    public void A_natural_person_cannot_be_a_member_of_a_union()
    {
        var facts = Union() with { Members = [.. Union().Members, Natural(4)] };

        Assert.Contains(LegalRuleCodes.UnionMinCoops, Codes(facts));
    }

    [Fact]
    public void A_cooperative_declared_twice_counts_once()
    {
        var facts = Union() with { Members = [.. Union().Members.Take(2), LegalPerson(3, identifier: ActiveCooperatives[0])] };

        Assert.Contains(LegalRuleCodes.UnionMinCoops, Codes(facts));
    }

    [Fact]
    public void A_union_needs_a_valid_name_reservation() =>
        Assert.Contains(LegalRuleCodes.CoopNameApproved, Codes(Union() with { HoldsValidNameReservation = false }));

    [Fact]
    public void Cooperative_capital_and_management_rules_do_not_apply_to_a_union() =>
        Assert.Empty(RuleBook.Evaluate(Union() with { ShareValue = null, Officers = [] }));
}
