using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Legal;
using static Registry.Domain.Tests.Legal.LegalTestData;

namespace Registry.Domain.Tests.Legal;

public sealed class CoopManagementTests
{
    private static readonly DateOnly ThreeYears = MandateStart.AddYears(3);
    private static readonly DateOnly ThreeYearsAndADay = ThreeYears.AddDays(1);

    [Fact]
    public void Fifty_members_may_be_run_by_a_manager() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = Naturals(50), Officers = [Manager(1)] }));

    [Fact]
    public void Fifty_members_may_be_run_by_a_board() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = Naturals(50), Officers = BoardOf(3) }));

    [Fact]
    public void Fifty_one_members_with_a_manager_and_no_board_break_the_rule()
    {
        var broken = Broken(Cooperative() with { Members = Naturals(51), Officers = [Manager(1)] }, LegalRuleCodes.CoopManagement);

        Assert.Equal(new LocalizedText("Loi 112-12, arts. 47, 50, 51 et 65", "القانون رقم 112.12، المواد 47 و50 و51 و65"), broken.Article);
        Assert.StartsWith("51 membres : au-delà de 50 membres", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("aucun membre du conseil d'administration", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("51", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_one_members_with_a_board_keep_the_rule() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = Naturals(51), Officers = BoardOf(3) }));

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(9, false)]
    [InlineData(12, false)]
    [InlineData(13, true)]
    [InlineData(15, true)]
    public void At_51_members_the_board_has_3_to_12_members_in_a_multiple_of_3(int boardSize, bool broken)
    {
        var facts = Cooperative() with { Members = Naturals(51), Officers = BoardOf(boardSize) };

        Assert.Equal(broken, Codes(facts).Contains(LegalRuleCodes.CoopManagement));
    }

    [Fact]
    public void An_invalid_board_size_is_named_in_the_message()
    {
        var broken = Broken(Cooperative() with { Members = Naturals(51), Officers = BoardOf(4) }, LegalRuleCodes.CoopManagement);

        Assert.Contains("conseil d'administration de 4 membres", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("عدد أعضاء مجلس الإدارة: 4", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void All_board_roles_count_as_board_members()
    {
        Officer[] board =
        [
            Board(OfficerRole.President, 1), Board(OfficerRole.VicePresident, 2), Board(OfficerRole.Secretary, 3),
            Board(OfficerRole.Treasurer, 4), Board(OfficerRole.BoardMember, 5), Board(OfficerRole.BoardMember, 6),
        ];

        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = Naturals(51), Officers = board }));
    }

    [Fact]
    public void Administrators_are_members_of_the_board_of_directors() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = Naturals(51), Officers = [.. Enumerable.Range(1, 6).Select(n => Board(OfficerRole.Administrator, n))] }));

    [Fact]
    public void A_board_of_4_counting_its_administrators_breaks_the_rule() =>
        Assert.Contains("conseil d'administration de 4 membres",
            Broken(Cooperative() with { Members = Naturals(51), Officers = [.. BoardOf(3), Board(OfficerRole.Administrator, 4)] }, LegalRuleCodes.CoopManagement).Message.Fr,
            StringComparison.Ordinal);

    [Fact]
    public void An_auditor_is_not_a_member_of_the_board()
    {
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = Naturals(51), Officers = [.. BoardOf(3), Board(OfficerRole.Auditor, 4)] }));
        Assert.Contains(LegalRuleCodes.CoopManagement, Codes(Cooperative() with { Members = Naturals(51), Officers = [.. BoardOf(2), Board(OfficerRole.Auditor, 3)] }));
    }

    [Fact]
    public void A_manager_alongside_a_valid_board_does_not_count_in_its_size() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = Naturals(51), Officers = [.. BoardOf(3), Manager(4)] }));

    [Fact]
    public void A_board_mandate_of_exactly_3_years_keeps_the_rule() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = Naturals(51), Officers = BoardOf(3, ThreeYears) }));

    [Fact]
    public void A_board_mandate_of_3_years_and_a_day_breaks_the_rule()
    {
        Officer[] board = [.. BoardOf(2), Board(OfficerRole.BoardMember, 3, ThreeYearsAndADay)];

        var broken = Broken(Cooperative() with { Members = Naturals(51), Officers = board }, LegalRuleCodes.CoopManagement);

        Assert.Contains("1 mandat au conseil d'administration de plus de 3 ans", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manager_term_of_exactly_3_years_keeps_the_rule() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Officers = [Manager(1, ThreeYears)] }));

    [Fact]
    public void A_manager_term_of_3_years_and_a_day_breaks_the_rule()
    {
        var broken = Broken(Cooperative() with { Officers = [Manager(1, ThreeYearsAndADay)] }, LegalRuleCodes.CoopManagement);

        Assert.StartsWith("5 membres : jusqu'à 50 membres", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("1 mandat de gérant de plus de 3 ans", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("aucun membre du conseil d'administration", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Up_to_50_members_1_to_3_managers_run_the_cooperative(int managers, bool broken)
    {
        var facts = Cooperative() with { Officers = [.. Enumerable.Range(1, managers).Select(n => Manager(n))] };

        Assert.Equal(broken, Codes(facts).Contains(LegalRuleCodes.CoopManagement));
    }

    [Fact]
    public void Up_to_50_members_a_valid_board_makes_up_for_invalid_managers() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Officers = [.. Enumerable.Range(11, 4).Select(n => Manager(n)), .. BoardOf(3)] }));

    [Fact]
    public void Up_to_50_members_neither_managers_nor_a_board_break_the_rule()
    {
        var broken = Broken(Cooperative() with { Officers = [] }, LegalRuleCodes.CoopManagement);

        Assert.Contains("aucun gérant ; aucun membre du conseil d'administration", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("لم يتم التصريح بأي مسير", broken.Message.Ar, StringComparison.Ordinal);
    }
}
