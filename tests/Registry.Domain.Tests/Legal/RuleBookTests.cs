using System.Text.RegularExpressions;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Legal;
using Registry.Domain.Reference;
using static Registry.Domain.Tests.Legal.LegalTestData;

namespace Registry.Domain.Tests.Legal;

public sealed partial class RuleBookTests
{
    /// <summary>The codes of SPEC §4, written out here rather than read from the code under test.</summary>
    private static readonly string[] SpecCodes =
    [
        "COOP_MIN_MEMBERS", "COOP_MIN_CAPITAL", "COOP_SHARE_VALUE", "COOP_QUARTER_PAID", "COOP_NATURAL_CAPITAL",
        "COOP_LEGAL_PERSON_VOTES", "COOP_MANAGEMENT", "COOP_NAME_APPROVED", "UNION_MIN_COOPS", "ASSO_MIN_FOUNDERS",
        "ASSO_BOARD_DETAILS", "MUTU_FINANCIAL_PLAN", "MUTU_ADMINISTRATORS", "PERSON_ADULT", "PERSON_CIN", "REQUIRED_DOCUMENTS",
    ];

    public static TheoryData<LegalForm, string[]> CodesPerForm => new()
    {
        {
            LegalForm.COOP,
            ["COOP_MIN_MEMBERS", "COOP_MIN_CAPITAL", "COOP_SHARE_VALUE", "COOP_QUARTER_PAID", "COOP_NATURAL_CAPITAL", "COOP_LEGAL_PERSON_VOTES",
             "COOP_MANAGEMENT", "COOP_NAME_APPROVED", "PERSON_ADULT", "PERSON_CIN", "REQUIRED_DOCUMENTS"]
        },
        { LegalForm.UNION, ["UNION_MIN_COOPS", "COOP_NAME_APPROVED", "PERSON_ADULT", "PERSON_CIN", "REQUIRED_DOCUMENTS"] },
        { LegalForm.ASSO, ["ASSO_MIN_FOUNDERS", "ASSO_BOARD_DETAILS", "PERSON_ADULT", "PERSON_CIN", "REQUIRED_DOCUMENTS"] },
        { LegalForm.MUTU, ["MUTU_FINANCIAL_PLAN", "MUTU_ADMINISTRATORS", "PERSON_ADULT", "PERSON_CIN", "REQUIRED_DOCUMENTS"] },
    };

    public static TheoryData<LegalForm> Forms => [.. Enum.GetValues<LegalForm>()];

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_valid_application_of_each_form_breaks_no_rule(LegalForm form) =>
        Assert.Empty(RuleBook.Evaluate(Valid(form)));

    [Fact]
    public void An_application_breaking_several_rules_reports_all_of_them_at_once()
    {
        var facts = Cooperative() with
        {
            ShareValue = 99m,
            Members = [.. Naturals(3), Natural(4, birthDate: SubmittedOn.AddYears(-17), cin: "ab1")],
            Officers = [],
            HoldsValidNameReservation = false,
            AttachedDocuments = Attached(),
        };

        var broken = RuleBook.Evaluate(facts);

        Assert.Equal(
            [
                LegalRuleCodes.CoopMinMembers, LegalRuleCodes.CoopShareValue, LegalRuleCodes.CoopManagement, LegalRuleCodes.CoopNameApproved,
                LegalRuleCodes.PersonAdult, LegalRuleCodes.PersonCin, LegalRuleCodes.RequiredDocuments,
            ],
            broken.Select(rule => rule.Code));
        Assert.Equal(broken.Count, broken.Select(rule => rule.Code).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CodesPerForm))]
    public void Each_form_has_exactly_its_rules(LegalForm form, string[] codes)
    {
        var set = RuleBook.For(form, SubmittedOn);

        Assert.Equal(form, set.Form);
        Assert.Equal(codes, set.Rules.Select(rule => rule.Code));
    }

    [Fact]
    public void Every_code_of_the_specification_is_in_some_set()
    {
        var codes = RuleBook.Sets.SelectMany(set => set.Rules).Select(rule => rule.Code).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(SpecCodes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(SpecCodes, LegalRuleCodes.All);
    }

    [Theory]
    [InlineData(LegalForm.COOP, "2014-11-21")]
    [InlineData(LegalForm.UNION, "2014-11-21")]
    [InlineData(LegalForm.ASSO, "2002-07-23")]
    [InlineData(LegalForm.MUTU, "1963-11-12")]
    public void For_picks_the_set_in_force_from_its_first_day_and_throws_the_day_before(LegalForm form, string effective)
    {
        var from = DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(from, RuleBook.For(form, from).EffectiveFrom);
        Assert.Equal(from, RuleBook.For(form, SubmittedOn).EffectiveFrom);
        Assert.Same(RuleBook.For(form, from), RuleBook.For(form, SubmittedOn));
        var error = Assert.Throws<InvalidOperationException>(() => RuleBook.For(form, from.AddDays(-1)));
        Assert.Contains(form.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluating_facts_submitted_before_any_set_throws() =>
        Assert.Throws<InvalidOperationException>(() => RuleBook.Evaluate(Cooperative() with { SubmissionDate = new DateOnly(2014, 11, 20) }));

    [Fact]
    public void A_change_of_law_is_a_new_set_and_the_old_one_still_judges_earlier_submissions()
    {
        var current = RuleBook.For(LegalForm.COOP, SubmittedOn);
        var amended = current with { EffectiveFrom = new DateOnly(2030, 1, 1), Rules = [new CoopMinMembers(7), .. current.Rules.Skip(1)] };
        RuleSet[] sets = [amended, current, RuleBook.For(LegalForm.ASSO, SubmittedOn)];

        Assert.Same(current, RuleBook.For(sets, LegalForm.COOP, new DateOnly(2029, 12, 31)));
        Assert.Same(amended, RuleBook.For(sets, LegalForm.COOP, new DateOnly(2030, 1, 1)));
        Assert.Same(amended, RuleBook.For(sets, LegalForm.COOP, new DateOnly(2040, 6, 1)));
        Assert.Throws<InvalidOperationException>(() => RuleBook.For(sets, LegalForm.MUTU, SubmittedOn));
        var sixMembers = Cooperative() with { Members = Naturals(6), SubmissionDate = new DateOnly(2030, 1, 1) };
        Assert.Empty(current.Evaluate(sixMembers));
        Assert.Equal([LegalRuleCodes.CoopMinMembers], amended.Evaluate(sixMembers).Select(rule => rule.Code));
    }

    [Fact]
    public void A_set_refuses_the_facts_of_another_form() =>
        Assert.Throws<ArgumentException>(() => RuleBook.For(LegalForm.COOP, SubmittedOn).Evaluate(Association()));

    [Fact]
    public void Every_rule_has_a_code_and_an_article_in_french_and_in_arabic()
    {
        var rules = RuleBook.Sets.SelectMany(set => set.Rules).ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.Matches("^[A-Z]+(_[A-Z]+)+$", rule.Code);
            Assert.False(string.IsNullOrWhiteSpace(rule.Article.Fr), rule.Code);
            Assert.DoesNotMatch(ArabicLetter(), rule.Article.Fr);
            Assert.Matches(ArabicLetter(), rule.Article.Ar);
            Assert.DoesNotMatch(LatinLetter(), rule.Article.Ar);
            Assert.DoesNotMatch(@"\d-\d", rule.Article.Ar); // Moroccan Arabic numbers laws and decrees with dots: 112.12, 2.15.617
        });
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_rule_of_every_set_breaks_with_a_french_and_an_arabic_message(LegalForm form)
    {
        var set = RuleBook.For(form, SubmittedOn);
        var broken = RuleBook.Evaluate(Breaking(form)).Concat(RuleBook.Evaluate(Breaking(form) with { Members = [] })).ToList();

        Assert.Equal(set.Rules.Select(rule => rule.Code).Order(StringComparer.Ordinal), broken.Select(rule => rule.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.All(broken, rule =>
        {
            Assert.Equal(set.Rules.Single(r => r.Code == rule.Code).Article, rule.Article);
            Assert.False(string.IsNullOrWhiteSpace(rule.Message.Fr), rule.Code);
            Assert.False(string.IsNullOrWhiteSpace(rule.Message.Ar), rule.Code);
            Assert.Matches(ArabicLetter(), rule.Message.Ar);
            Assert.DoesNotMatch(ArabicLetter(), rule.Message.Fr.Replace(Quoted(rule.Message.Fr), "", StringComparison.Ordinal));
            Assert.DoesNotContain("{", rule.Message.Fr + rule.Message.Ar, StringComparison.Ordinal);
            Assert.EndsWith(".", rule.Message.Fr, StringComparison.Ordinal);
        });
    }

    /// <summary>Facts of <paramref name="form"/> that break every rule of its set (with no members, the founders' minimum too).</summary>
    private static LegalFacts Breaking(LegalForm form) => Valid(form) with
    {
        ShareValue = 10m,
        Members = [Natural(1, subscribed: 10, paid: 0, birthDate: SubmittedOn.AddYears(-17), cin: "bad"), LegalPerson(2, 10, 0), LegalPerson(3, 10, 0)],
        Officers = [Officer.Create(OfficerRole.Manager, "مسير", null, "x", null, "FR", null, null, MandateStart, MandateStart.AddYears(10), false)],
        AttachedDocuments = Attached(),
        HoldsValidNameReservation = false,
        ActiveCooperativeNumbers = Numbers(),
    };

    /// <summary>Names quoted in a French message may be written in Arabic; nothing else should be.</summary>
    private static string Quoted(string text) => text.Contains('«', StringComparison.Ordinal) ? text[text.IndexOf('«', StringComparison.Ordinal)..] : "\0";

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinLetter();
}
