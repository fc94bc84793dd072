namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Application bodies as an applicant would send them.</summary>
public static class Samples
{
    /// <summary>A cooperative in Casablanca (province 141, region 06).</summary>
    public static object Cooperative(string province = "141", string form = "COOP", string sector = "AGRI", string nameLatin = "Coopérative Test") => new
    {
        legalForm = form,
        nameAr = "تعاونية الاختبار",
        nameLatin,
        sectorCode = sector,
        seatAddress = "1 avenue Hassan II",
        provinceCode = province,
        foundingDate = "2026-01-15",
        financialYearEnd = "12-31",
        contactEmail = "contact@coop.test",
        contactPhone = "+212 600000000",
        members = new object[]
        {
            new { kind = "NaturalPerson", fullNameLatin = "Fatima Zahra", cin = "AB123456", birthDate = "1985-04-02", gender = "Female", nationality = "MA", address = "Derb Sultan", sharesSubscribed = 10, sharesPaid = 5 },
            new { kind = "NaturalPerson", fullNameAr = "يوسف", cin = "C98765", birthDate = "1979-01-20", gender = "Male", nationality = "MA", sharesSubscribed = 10, sharesPaid = 10 },
            new { kind = "LegalPerson", legalName = "Union Test", legalIdentifier = "UNION-06-2020-000001", sharesSubscribed = 1, sharesPaid = 1 },
        },
        officers = new object[]
        {
            new { role = "Manager", fullNameLatin = "Fatima Zahra", cin = "AB123456", birthDate = "1985-04-02", nationality = "MA", mandateStart = "2026-01-15", mandateEnd = "2029-01-15" },
        },
    };
}
