using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Legal;
using static Registry.Domain.Tests.Legal.LegalTestData;

namespace Registry.Domain.Tests.Legal;

public sealed class AssociationRulesTests
{
    [Fact]
    public void One_founder_breaks_the_minimum()
    {
        var broken = Broken(Association() with { Members = Naturals(1, sharesEach: 0) }, LegalRuleCodes.AssoMinFounders);

        Assert.Equal(new LocalizedText("Dahir 1-58-376 du 15 novembre 1958, art. 1", "الظهير رقم 1.58.376 بتاريخ 15 نونبر 1958، الفصل 1"), broken.Article);
        Assert.StartsWith("1 fondateur déclaré ; une association est constituée par au moins 2 personnes", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_founders_keep_the_minimum() =>
        Assert.DoesNotContain(LegalRuleCodes.AssoMinFounders, Codes(Association() with { Members = Naturals(2, sharesEach: 0) }));

    [Fact]
    public void An_association_needs_no_name_reservation_nor_capital() =>
        Assert.Empty(RuleBook.Evaluate(Association() with { HoldsValidNameReservation = false, ShareValue = null }));

    [Fact]
    public void A_board_must_be_declared()
    {
        var broken = Broken(Association() with { Officers = [] }, LegalRuleCodes.AssoBoardDetails);

        Assert.Equal(new LocalizedText("Dahir 1-58-376 du 15 novembre 1958, art. 5", "الظهير رقم 1.58.376 بتاريخ 15 نونبر 1958، الفصل 5"), broken.Article);
        Assert.Contains("Aucun membre du bureau", broken.Message.Fr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> MissingDetails => new()
    {
        { "nationality", "nationalité", "الجنسية" },
        { "birthDate", "date de naissance", "تاريخ الازدياد" },
        { "profession", "profession", "المهنة" },
        { "address", "adresse", "العنوان" },
        { "cin", "CIN", "رقم البطاقة الوطنية للتعريف" },
        { "blankProfession", "profession", "المهنة" },
    };

    [Theory]
    [MemberData(nameof(MissingDetails))]
    public void Each_missing_board_detail_breaks_the_rule_and_is_named(string field, string fr, string ar)
    {
        var incomplete = field switch
        {
            "nationality" => Person(OfficerRole.Secretary, 3, nationality: null),
            "birthDate" => Officer.Create(OfficerRole.Secretary, "مسير 3", "Dirigeant 3", Cin(3), null, "MA", "Agricultrice", "Derb Sultan", MandateStart, MandateStart.AddYears(3)),
            "profession" => Person(OfficerRole.Secretary, 3, profession: null),
            "address" => Person(OfficerRole.Secretary, 3, address: null),
            "cin" => Officer.Create(OfficerRole.Secretary, "مسير 3", "Dirigeant 3", null, AdultBirthDate, "MA", "Agricultrice", "Derb Sultan", MandateStart, MandateStart.AddYears(3)),
            "blankProfession" => Person(OfficerRole.Secretary, 3, profession: "  "),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
        var facts = Association() with { Officers = [.. Association().Officers, incomplete] };

        var broken = Broken(facts, LegalRuleCodes.AssoBoardDetails);

        Assert.Contains($"membre du bureau n° 3 « Dirigeant 3 » ({fr})", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains($"عضو المكتب رقم 3 «مسير 3» ({ar})", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void An_auditor_is_not_a_member_of_the_bureau()
    {
        var auditor = Person(OfficerRole.Auditor, 3, profession: null, address: null);

        Assert.Empty(RuleBook.Evaluate(Association() with { Officers = [.. Association().Officers, auditor] }));
        Assert.Contains("Aucun membre du bureau", Broken(Association() with { Officers = [auditor] }, LegalRuleCodes.AssoBoardDetails).Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_incomplete_board_member_is_reported_in_one_broken_rule()
    {
        var facts = Association() with { Officers = [Person(OfficerRole.President, 1, profession: null, address: null), Person(OfficerRole.Treasurer, 2, nationality: null)] };

        var broken = Broken(facts, LegalRuleCodes.AssoBoardDetails);

        Assert.Contains("membre du bureau n° 1 « Dirigeant 1 » (profession, adresse) ; membre du bureau n° 2 « Dirigeant 2 » (nationalité)", broken.Message.Fr, StringComparison.Ordinal);
    }
}
