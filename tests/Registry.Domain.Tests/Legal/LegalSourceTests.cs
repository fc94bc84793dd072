using Registry.Domain.Common;
using Registry.Domain.Legal;

namespace Registry.Domain.Tests.Legal;

public sealed class LegalSourceTests
{
    [Fact]
    public void A_law_cites_its_articles_as_mawad_in_arabic_with_the_number_in_moroccan_dotted_form()
    {
        Assert.Equal(new LocalizedText("Loi 112-12, art. 14", "القانون رقم 112.12، المادة 14"), Laws.Cooperatives.Article(14));
        Assert.Equal(new LocalizedText("Décret 2-15-617, arts. 3 et 4", "المرسوم رقم 2.15.617، المادتان 3 و4"), Laws.CooperativesDecree.Articles(3, 4));
        Assert.Equal(
            new LocalizedText("Loi 112-12, arts. 47, 50, 51 et 65", "القانون رقم 112.12، المواد 47 و50 و51 و65"),
            Laws.Cooperatives.Articles(47, 50, 51, 65));
    }

    [Fact]
    public void A_dahir_cites_its_articles_as_fusul_in_arabic()
    {
        Assert.Equal(
            new LocalizedText("Dahir 1-57-187 du 12 novembre 1963, art. 11", "الظهير رقم 1.57.187 بتاريخ 12 نونبر 1963، الفصل 11"),
            Laws.Mutuals.Article(11));
        Assert.Equal(
            new LocalizedText("Dahir 1-58-376 du 15 novembre 1958, arts. 1 et 5", "الظهير رقم 1.58.376 بتاريخ 15 نونبر 1958، الفصلان 1 و5"),
            Laws.Associations.Articles(1, 5));
        Assert.Equal("الظهير رقم 1.58.376 بتاريخ 15 نونبر 1958، الفصول 1 و2 و5", Laws.Associations.Articles(1, 2, 5).Ar);
    }

    [Fact]
    public void A_whole_text_is_cited_by_its_name()
    {
        Assert.Equal(
            new LocalizedText(
                "Loi 04-20 relative à la carte nationale d'identité électronique", "القانون رقم 04.20 المتعلق بالبطاقة الوطنية للتعريف الإلكترونية"),
            Laws.IdentityCard.Whole);
        Assert.Equal(new LocalizedText("Code de la famille (loi 70-03), art. 209", "مدونة الأسرة، المادة 209"), Laws.FamilyCode.Article(209));
    }

    [Fact]
    public void A_citation_names_at_least_one_article() =>
        Assert.Throws<ArgumentException>(() => Laws.Cooperatives.Articles());
}
