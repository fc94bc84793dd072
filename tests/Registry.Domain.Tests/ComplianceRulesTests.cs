using Registry.Domain.Common;
using Registry.Domain.Compliance;

namespace Registry.Domain.Tests;

public sealed class ComplianceRulesTests
{
    public static TheoryData<string> Codes => [.. ComplianceRules.All.Select(rule => rule.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_obligation_cites_its_article_in_french_and_in_arabic(string code)
    {
        var article = ComplianceRules.Get(code).Article;

        Assert.Matches("^(Loi|Dahir|Décret) ", article.Fr);
        Assert.DoesNotMatch(@"\p{IsArabic}", article.Fr);
        Assert.Matches(@"\p{IsArabic}", article.Ar);
        Assert.DoesNotMatch("[A-Za-z]", article.Ar);
        Assert.DoesNotMatch(@"\d-\d", article.Ar); // Moroccan Arabic numbers laws with dots: 112.12
    }

    [Fact]
    public void An_obligation_keeps_its_french_citation_and_gains_the_arabic_one()
    {
        Assert.Equal(new LocalizedText("Loi 112-12, art. 41", "القانون رقم 112.12، المادة 41"), ComplianceRules.Get(ComplianceRules.GaOverdue).Article);
        Assert.Equal(
            new LocalizedText("Loi 112-12, arts. 13, 14 et 85", "القانون رقم 112.12، المواد 13 و14 و85"),
            ComplianceRules.Get(ComplianceRules.BelowMinMembers).Article);
        Assert.Equal(new LocalizedText("Dahir 1-57-187, art. 25", "الظهير رقم 1.57.187، الفصل 25"), ComplianceRules.Get(ComplianceRules.AnnualReturnOverdue).Article);
        Assert.Equal(new LocalizedText("Décret 2-15-617, art. 4", "المرسوم رقم 2.15.617، المادة 4"), ComplianceRules.Get(ComplianceRules.ReservationExpired).Article);
    }
}
