namespace Registry.Domain.Legal;

/// <summary>
/// The texts the rules come from (SPEC §2 and §4), each named once in French and in Arabic. The French names are the
/// registry's stable form; the Arabic ones follow Moroccan usage: numbers written with dots ("112.12"), dates as the
/// Bulletin officiel writes them ("12 نونبر 1963").
/// </summary>
public static class Laws
{
    /// <summary>Law 112-12 on cooperatives (and unions of cooperatives, arts. 85 to 93).</summary>
    public static LegalSource Cooperatives { get; } = new("Loi 112-12", "القانون رقم 112.12");

    /// <summary>Decree 2-15-617 applying law 112-12 (the name's negative certificate, the registration file).</summary>
    public static LegalSource CooperativesDecree { get; } = new("Décret 2-15-617", "المرسوم رقم 2.15.617");

    /// <summary>The dahir of 15 November 1958 on the right of association; its articles are فصول.</summary>
    public static LegalSource Associations { get; } =
        new("Dahir 1-58-376 du 15 novembre 1958", "الظهير رقم 1.58.376 بتاريخ 15 نونبر 1958", Chapters: true);

    /// <summary>The dahir of 12 November 1963 on the status of mutual societies; its articles are فصول.</summary>
    public static LegalSource Mutuals { get; } =
        new("Dahir 1-57-187 du 12 novembre 1963", "الظهير رقم 1.57.187 بتاريخ 12 نونبر 1963", Chapters: true);

    /// <summary>The Family Code (law 70-03), which sets the age of majority.</summary>
    public static LegalSource FamilyCode { get; } = new("Code de la famille (loi 70-03)", "مدونة الأسرة");

    /// <summary>Law 04-20 on the electronic national identity card (the CIN).</summary>
    public static LegalSource IdentityCard { get; } = new(
        "Loi 04-20 relative à la carte nationale d'identité électronique", "القانون رقم 04.20 المتعلق بالبطاقة الوطنية للتعريف الإلكترونية");
}
