using System.Net;
using System.Net.Http.Json;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.LegalStatus;

/// <summary>The API with one registered cooperative, named in both scripts, for names like it to be reserved against.</summary>
public sealed class SimilarNameApiFactory : RegistryApiFactory
{
    public const string NameLatin = "Coopérative Al Amal pour l'argan";
    public const string NameAr = "تعاونية الأمل للأركان";

    public string Registered { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var owner = await Actors.ClientAsync(Actor.Owner);
        var official = await Actors.ClientAsync(Actor.OfficialOfRegion);
        Registered = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(nameLatin: NameLatin, nameAr: NameAr)));
    }
}

/// <summary>
/// The similar-name warnings of a reservation (SPEC §4) against "Coopérative Al Amal pour l'argan" / "تعاونية الأمل
/// للأركان" (normalised "al amal argan" / "الامل للاركان"): names well above the threshold (0.45) that share no exact
/// word list with it are still reported, with their trigram similarity.
/// </summary>
public sealed class SimilarNameTests(SimilarNameApiFactory api) : IClassFixture<SimilarNameApiFactory>
{
    [Theory]
    [InlineData(null, "Alamal Argan", 0.769)] // words merged
    [InlineData(null, "Al Amal Arganier", 0.667)] // a longer word
    [InlineData(null, "Coopérative Al Amal Argan Bio Souss", 0.524)] // two words more
    [InlineData("تعاونية أمل للأركان", null, 0.733)] // the article left out
    [InlineData("تعاونية الاملللاركان", null, 0.688)] // words merged
    [InlineData("تعاونية الأمل للأركان بسوس ماسة", null, 0.583)] // two words more
    public async Task A_name_like_the_registered_one_is_reserved_with_a_warning_and_its_similarity(string? nameAr, string? nameLatin, double similarity)
    {
        var response = await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameAr, nameLatin });

        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
        var warnings = (await response.ReadJsonAsync())["similarNames"]!.AsArray();
        var warning = Assert.Single(warnings, w => (string?)w!["registrationNumber"] == api.Registered);
        Assert.Equal(SimilarNameApiFactory.NameLatin, (string)warning!["nameLatin"]!);
        Assert.Equal(SimilarNameApiFactory.NameAr, (string)warning["nameAr"]!);
        Assert.False((bool)warning["reserved"]!);
        Assert.Equal(similarity, (double)warning["similarity"]!, 0.001);
    }

    [Theory]
    [InlineData(null, "Coopérative Tazart Arganier", null, "Coopérative Tazart Argan")] // a word the start of the other's
    [InlineData(null, "Coopérative Ighrem Arganeraie", null, "Coopérative Ighrem Argane")]
    [InlineData("تعاونية تازارت الأركانية", null, "تعاونية تازارت الأركان", null)]
    public async Task A_name_whose_word_starts_a_word_of_a_live_reservation_is_warned_of_it(
        string? reservedAr, string? reservedLatin, string? nameAr, string? nameLatin)
    {
        var first = await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameAr = reservedAr, nameLatin = reservedLatin });
        await WorkflowSteps.Expect(first, HttpStatusCode.Created);

        var response = await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameAr, nameLatin });

        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
        var warnings = (await response.ReadJsonAsync())["similarNames"]!.AsArray();
        var warning = Assert.Single(warnings, w => (string?)w!["nameLatin"] == reservedLatin && (string?)w!["nameAr"] == reservedAr);
        Assert.True((bool)warning!["reserved"]!);
        Assert.True((double)warning["similarity"]! >= 0.45);
    }

    [Fact]
    public async Task A_word_of_four_letters_is_not_read_as_the_start_of_longer_words()
    {
        // "amal" starts "amalou": a four-letter stem starts too many names to be looked up that way (the similarity of
        // these two is over the threshold, so only the candidates can keep it out).
        var first = await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = "Coopérative Tilila Amalou" });
        await WorkflowSteps.Expect(first, HttpStatusCode.Created);

        var response = await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = "Coopérative Tilila Amal" });

        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
        Assert.DoesNotContain((await response.ReadJsonAsync())["similarNames"]!.AsArray(), w => (string?)w!["nameLatin"] == "Coopérative Tilila Amalou");
    }

    [Theory]
    [InlineData(null, "Coopérative Tifawin Izdar")]
    [InlineData("تعاونية النور للزيتون", null)] // the same shape, a clitic in common
    public async Task A_clearly_different_name_gets_no_warning(string? nameAr, string? nameLatin)
    {
        var response = await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameAr, nameLatin });

        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
        Assert.Empty((await response.ReadJsonAsync())["similarNames"]!.AsArray());
    }
}
