using Registry.Domain.Common;
using Registry.Domain.Legal;
using static Registry.Domain.Tests.Legal.LegalTestData;

namespace Registry.Domain.Tests.Legal;

public sealed class CooperativeCapitalRulesTests
{
    [Fact]
    public void Four_members_break_the_minimum_with_both_numbers_in_the_message()
    {
        var facts = Cooperative() with { Members = Naturals(4) };

        var broken = Broken(facts, LegalRuleCodes.CoopMinMembers);

        Assert.Equal(new LocalizedText("Loi 112-12, art. 14", "القانون رقم 112.12، المادة 14"), broken.Article);
        Assert.StartsWith("4 membres déclarés ; il en faut au moins 5", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("4", broken.Message.Ar, StringComparison.Ordinal);
        Assert.Contains("5", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_members_keep_the_minimum() =>
        Assert.DoesNotContain(LegalRuleCodes.CoopMinMembers, Codes(Cooperative() with { Members = Naturals(5) }));

    [Fact]
    public void Members_of_any_kind_count_towards_the_minimum() =>
        Assert.DoesNotContain(LegalRuleCodes.CoopMinMembers, Codes(Cooperative() with { Members = [.. Naturals(4), LegalPerson(5, subscribed: 1, paid: 1)] }));

    [Fact]
    public void A_capital_of_999_MAD_breaks_the_minimum()
    {
        // 9 shares of 111 MAD.
        var facts = Cooperative() with { ShareValue = 111m, Members = [Natural(1, 2, 2), Natural(2, 2, 2), Natural(3, 2, 2), Natural(4, 2, 2), Natural(5, 1, 1)] };

        var broken = Broken(facts, LegalRuleCodes.CoopMinCapital);

        Assert.Equal(new LocalizedText("Loi 112-12, art. 26", "القانون رقم 112.12، المادة 26"), broken.Article);
        Assert.Contains("999 MAD", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("1 000 MAD", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("999", broken.Message.Ar, StringComparison.Ordinal);
        Assert.Contains("1000", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capital_of_exactly_1000_MAD_keeps_the_minimum()
    {
        // 10 shares of 100 MAD.
        var facts = Cooperative() with { ShareValue = 100m, Members = Naturals(5, sharesEach: 2) };

        Assert.Empty(RuleBook.Evaluate(facts));
    }

    [Fact]
    public void An_undeclared_share_value_counts_as_no_capital()
    {
        var facts = Cooperative() with { ShareValue = null };

        var codes = Codes(facts);

        Assert.Contains(LegalRuleCodes.CoopMinCapital, codes);
        Assert.Contains(LegalRuleCodes.CoopShareValue, codes);
    }

    [Fact]
    public void A_share_of_99_MAD_breaks_the_minimum_share_value()
    {
        var broken = Broken(Cooperative() with { ShareValue = 99m }, LegalRuleCodes.CoopShareValue);

        Assert.Equal("Valeur nominale de la part : 99 MAD ; elle doit être d'au moins 100 MAD.", broken.Message.Fr);
        Assert.Contains("99", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99.99", true)]
    [InlineData("100", false)]
    [InlineData("100.00", false)]
    [InlineData("250", false)]
    public void The_share_value_threshold_is_100_MAD(string value, bool broken)
    {
        var facts = Cooperative() with { ShareValue = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(broken, Codes(facts).Contains(LegalRuleCodes.CoopShareValue));
    }

    [Fact]
    public void An_undeclared_share_value_breaks_the_share_value_rule_with_its_own_message()
    {
        var broken = Broken(Cooperative() with { ShareValue = null }, LegalRuleCodes.CoopShareValue);

        Assert.Contains("n'est pas déclarée", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 25, false)]
    [InlineData(100, 24, true)]
    [InlineData(10, 3, false)] // 12 ≥ 10: a quarter of 10 shares is 2.5, so 3 paid shares are enough…
    [InlineData(10, 2, true)] // …and 2 are not.
    [InlineData(5, 5, false)]
    public void At_least_a_quarter_of_the_subscribed_shares_is_paid(int subscribed, int paid, bool broken)
    {
        var facts = Cooperative() with { ShareValue = 200m, Members = SharesOfFive(subscribed, paid) };

        Assert.Equal(broken, Codes(facts).Contains(LegalRuleCodes.CoopQuarterPaid));
    }

    [Fact]
    public void The_quarter_message_gives_the_paid_subscribed_and_required_shares()
    {
        var broken = Broken(Cooperative() with { Members = SharesOfFive(100, 24) }, LegalRuleCodes.CoopQuarterPaid);

        Assert.Equal("24 parts libérées sur 100 souscrites ; le quart au moins du capital souscrit doit être libéré, soit 25 parts.", broken.Message.Fr);
    }

    [Fact]
    public void The_quarter_message_agrees_with_a_single_subscribed_share()
    {
        var facts = Cooperative() with { ShareValue = 1_000m, Members = [Natural(1, 1, 0), .. Enumerable.Range(2, 4).Select(n => Natural(n, 0, 0))] };

        var broken = Broken(facts, LegalRuleCodes.CoopQuarterPaid);

        Assert.Equal("0 part libérée sur 1 souscrite ; le quart au moins du capital souscrit doit être libéré, soit 1 part.", broken.Message.Fr);
    }

    [Fact]
    public void Natural_persons_holding_exactly_65_percent_keep_the_rule()
    {
        // 65 of 100 shares; 1 legal person of 5 members keeps the vote rule.
        var facts = Cooperative() with { Members = [Natural(1, 17, 17), Natural(2, 16, 16), Natural(3, 16, 16), Natural(4, 16, 16), LegalPerson(5, 35, 35)] };

        Assert.Empty(RuleBook.Evaluate(facts));
    }

    [Fact]
    public void Natural_persons_holding_64_9_percent_break_the_rule()
    {
        var facts = Cooperative() with { Members = [Natural(1, 163, 163), Natural(2, 162, 162), Natural(3, 162, 162), Natural(4, 162, 162), LegalPerson(5, 351, 351)] };

        var broken = Broken(facts, LegalRuleCodes.CoopNaturalCapital);

        Assert.Contains("64,9 %", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("65 %", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("64.9", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void Just_under_65_percent_never_reads_as_65()
    {
        // 12 999 of 20 000 shares: 64.995 %.
        var facts = Cooperative() with { Members = [Natural(1, 12_999, 12_999), Natural(2, 0, 0), Natural(3, 0, 0), Natural(4, 0, 0), LegalPerson(5, 7_001, 7_001)] };

        var broken = Broken(facts, LegalRuleCodes.CoopNaturalCapital);

        Assert.Contains("64,99 %", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_subscribed_share_breaks_the_natural_capital_rule()
    {
        var broken = Broken(Cooperative() with { Members = Naturals(5, sharesEach: 0) }, LegalRuleCodes.CoopNaturalCapital);

        Assert.Contains("Aucune part", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Legal_persons_holding_exactly_a_third_of_the_votes_keep_the_rule()
    {
        var facts = Cooperative() with { Members = [.. Naturals(4), LegalPerson(5, 1, 1), LegalPerson(6, 1, 1)] };

        Assert.Empty(RuleBook.Evaluate(facts));
    }

    [Fact]
    public void Legal_persons_holding_more_than_a_third_of_the_votes_break_the_rule()
    {
        var facts = Cooperative() with { Members = [.. Naturals(3), LegalPerson(4, 1, 1), LegalPerson(5, 1, 1)] };

        var broken = Broken(facts, LegalRuleCodes.CoopLegalPersonVotes);

        Assert.Equal(new LocalizedText("Loi 112-12, art. 38", "القانون رقم 112.12، المادة 38"), broken.Article);
        Assert.StartsWith("2 personnes morales sur 5 membres", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Share_sums_do_not_overflow()
    {
        var facts = Cooperative() with { Members = [.. Enumerable.Range(1, 5).Select(n => Natural(n, int.MaxValue, int.MaxValue))] };

        Assert.Empty(RuleBook.Evaluate(facts));
    }

    [Fact]
    public void A_name_without_a_valid_reservation_breaks_the_rule_for_a_cooperative()
    {
        var broken = Broken(Cooperative() with { HoldsValidNameReservation = false }, LegalRuleCodes.CoopNameApproved);

        Assert.Equal(new LocalizedText("Décret 2-15-617, arts. 3 et 4", "المرسوم رقم 2.15.617، المادتان 3 و4"), broken.Article);
    }

    [Fact]
    public void A_valid_name_reservation_keeps_the_rule() =>
        Assert.DoesNotContain(LegalRuleCodes.CoopNameApproved, Codes(Cooperative() with { HoldsValidNameReservation = true }));

    /// <summary>Five natural persons sharing <paramref name="subscribed"/> and <paramref name="paid"/> shares, the rest on the first.</summary>
    private static Registry.Domain.Applications.Member[] SharesOfFive(int subscribed, int paid) =>
        [.. Enumerable.Range(1, 5).Select(n => Natural(n, Part(subscribed, n), Part(paid, n)))];

    private static int Part(int total, int n) => (total / 5) + (n == 1 ? total % 5 : 0);
}
