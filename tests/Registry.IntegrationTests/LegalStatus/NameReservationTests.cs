using System.Net;
using System.Net.Http.Json;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.LegalStatus;

public sealed class NameReservationTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Theory]
    [InlineData("Coopérative Al-Amal Souss", "cooperative al amal souss", null, null)]
    [InlineData("COOPERATIVE  L'OASIS  BLEUE.", "Coopérative l'Oasis Bleue", null, null)]
    [InlineData(null, null, "تعاونية الأمل للأركان", "تعاونيه الامل للاركان")]
    [InlineData(null, null, "تَعاوُنِيَّة النُّور", "تعاونيــة النور")]
    public async Task The_same_normalised_name_cannot_be_reserved_twice(string? latin, string? latinVariant, string? arabic, string? arabicVariant)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = await api.NewApplicantAsync();
        var second = await api.NewApplicantAsync();
        var reserved = await first.PostAsJsonAsync("/api/v1/name-reservations",
            new { legalForm = "COOP", nameLatin = latin is null ? null : $"{latin} {suffix}", nameAr = arabic is null ? null : $"{arabic} {suffix}" });
        await WorkflowSteps.Expect(reserved, HttpStatusCode.Created);

        var clash = await second.PostAsJsonAsync("/api/v1/name-reservations",
            new { legalForm = "COOP", nameLatin = latinVariant is null ? null : $"{latinVariant} {suffix}", nameAr = arabicVariant is null ? null : $"{arabicVariant} {suffix}" });

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains(suffix, (string)(await clash.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("-2+3")]
    public async Task A_name_a_spreadsheet_would_take_for_a_formula_is_refused(string name)
    {
        var applicant = await api.NewApplicantAsync();

        var response = await applicant.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null, "تعاونيه الامل للاركان")] // an Arabic name in the Latin field would escape the comparison with Arabic names
    [InlineData("Coopérative Al Amal pour l'argan", null)] // and a Latin one in the Arabic field
    [InlineData("Coopérative", null)] // nothing but the legal form
    [InlineData("Union des Coopératives", null)]
    [InlineData(null, "جمعية")]
    [InlineData(null, "تعاونية")]
    [InlineData("Coopérative", "تعاونية")] // both fields swapped
    public async Task A_name_in_the_wrong_script_or_made_only_of_the_legal_form_is_refused(string? nameAr, string? nameLatin)
    {
        var applicant = await api.NewApplicantAsync();

        var response = await applicant.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameAr, nameLatin });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(nameAr is null ? "nameLatin" : "nameAr"), errors.ToJsonString());
    }

    [Theory]
    [InlineData("التعاونية", null)] // the article
    [InlineData("الجمعية", null)]
    [InlineData("الاتحاد", null)]
    [InlineData("التعاضدية", null)]
    [InlineData("جمعية تعاونية", null)] // two forms
    [InlineData(null, "Association des associations")]
    [InlineData(null, "Coopérative Coopérative")]
    [InlineData(null, "Cooperative Association")]
    public async Task A_name_made_only_of_legal_form_words_in_any_form_the_normaliser_drops_is_refused(string? nameAr, string? nameLatin)
    {
        var applicant = await api.NewApplicantAsync();

        var response = await applicant.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "ASSO", nameAr, nameLatin });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        var field = nameAr is null ? "nameLatin" : "nameAr";
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        Assert.Contains("seulement de la forme juridique", (string)errors[field]![0]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("جمعية ANMAR", null)] // as many Latin letters as Arabic ones: still an Arabic name
    [InlineData(null, "Association L'Union")] // legal-form words beside a word of their own (the number added below)
    [InlineData("جمعية الاتحاد", null)]
    public async Task A_name_holding_another_script_or_a_legal_form_word_as_its_own_is_accepted(string? nameAr, string? nameLatin)
    {
        var applicant = await api.NewApplicantAsync();
        var suffix = Random.Shared.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture); // digits: no script

        var response = await applicant.PostAsJsonAsync("/api/v1/name-reservations",
            new { legalForm = "ASSO", nameAr = nameAr is null ? null : $"{nameAr} {suffix}", nameLatin = nameLatin is null ? null : $"{nameLatin} {suffix}" });

        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("ar", "هذا الاسم محجوز من قبل")]
    [InlineData("fr", "Ce nom est déjà réservé")]
    [InlineData(null, "Ce nom est déjà réservé")]
    public async Task The_conflict_names_the_taken_name_in_the_requested_language(string? language, string expected)
    {
        var name = Samples.UniqueLatin("Coopérative Langue");
        await WorkflowSteps.Expect(await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = name }), HttpStatusCode.Created);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/name-reservations") { Content = JsonContent.Create(new { legalForm = "COOP", nameLatin = name.ToUpperInvariant() }) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        var clash = await (await api.NewApplicantAsync()).SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        var detail = (string)(await clash.ReadJsonAsync())["detail"]!;
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Contains(name, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_similar_name_is_reserved_with_a_warning_naming_the_other()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var first = await api.NewApplicantAsync();
        await WorkflowSteps.Expect(await first.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = $"Coopérative Tifawin Argan {suffix}" }), HttpStatusCode.Created);

        var similar = await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = $"Coopérative Tifawine Argan {suffix}" });

        await WorkflowSteps.Expect(similar, HttpStatusCode.Created);
        var warnings = (await similar.ReadJsonAsync())["similarNames"]!.AsArray();
        var warning = Assert.Single(warnings);
        Assert.Equal($"Coopérative Tifawin Argan {suffix}", (string)warning!["nameLatin"]!);
        Assert.InRange((double)warning["similarity"]!, 0.45, 0.99);
        Assert.True((bool)warning["reserved"]!);
    }

    [Theory]
    [InlineData("Coopérative Tamounte Izdar {0}")] // a letter more in one word
    [InlineData("Coopérative Tamont Izdar {0}")] // a letter less in one word
    [InlineData("Coopérative Tamount {0}")] // a word less
    [InlineData("Coopérative Tamount Izdar {0} Souss")] // a word more
    public async Task A_name_like_a_registered_one_is_reserved_with_a_warning_naming_the_organisation(string like)
    {
        var suffix = "q" + Guid.NewGuid().ToString("N")[..5];
        var registered = await (await api.Actors.ClientAsync(Actor.OfficialOfRegion)).ApproveAsync(
            await (await api.Actors.ClientAsync(Actor.Owner)).SubmittedAsync(Samples.Cooperative(nameLatin: $"Coopérative Tamount Izdar {suffix}")));

        var response = await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations",
            new { legalForm = "COOP", nameLatin = string.Format(System.Globalization.CultureInfo.InvariantCulture, like, suffix) });

        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
        var warning = Assert.Single((await response.ReadJsonAsync())["similarNames"]!.AsArray());
        Assert.Equal(registered, (string)warning!["registrationNumber"]!);
        Assert.False((bool)warning["reserved"]!);
        Assert.InRange((double)warning["similarity"]!, 0.45, 0.99);
    }

    [Fact]
    public async Task Two_applicants_reserving_the_same_name_at_once_one_wins()
    {
        for (var round = 0; round < 5; round++)
        {
            var name = Samples.UniqueLatin("Coopérative Course");
            var applicants = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.NewApplicantAsync()));
            var responses = await Task.WhenAll(applicants.Select(a => a.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = name })));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        }
    }

    [Fact]
    public async Task A_reservation_lasts_60_days_and_is_renewable_once_by_its_holder()
    {
        var holder = await api.NewApplicantAsync();
        var created = await holder.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "UNION", nameLatin = Samples.UniqueLatin("Union Renouvelée") });
        var reservation = await created.ReadJsonAsync();
        var id = (string)reservation["id"]!;
        Assert.Equal(TimeSpan.FromDays(60), (DateTimeOffset)reservation["expiresAt"]! - (DateTimeOffset)reservation["reservedAt"]!);

        Assert.Equal(HttpStatusCode.NotFound, (await (await api.NewApplicantAsync()).PostAsync($"/api/v1/name-reservations/{id}/renew", null)).StatusCode);
        var renewed = await holder.PostAsync($"/api/v1/name-reservations/{id}/renew", null);
        await WorkflowSteps.Expect(renewed, HttpStatusCode.OK);
        Assert.Equal(TimeSpan.FromDays(120), (DateTimeOffset)(await renewed.ReadJsonAsync())["expiresAt"]! - (DateTimeOffset)reservation["reservedAt"]!);
        var again = await holder.PostAsync($"/api/v1/name-reservations/{id}/renew", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("NAME_RESERVATION_RENEWAL", (string)(await again.ReadJsonAsync())["rules"]![0]!["code"]!);
        using var inArabic = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/name-reservations/{id}/renew");
        inArabic.Headers.Add("Accept-Language", "ar");
        Assert.Equal("المرسوم رقم 2.15.617، المادة 4", (string)(await (await holder.SendAsync(inArabic)).ReadJsonAsync())["rules"]![0]!["article"]!);
    }

    [Theory]
    [InlineData("MUTU")]
    [InlineData("ASSO")]
    [InlineData("UNION")]
    public async Task A_reservation_for_another_legal_form_does_not_approve_a_cooperatives_name(string reservedForm)
    {
        var applicant = await api.NewApplicantAsync();
        var name = Samples.UniqueLatin("Coop Autre Forme");
        await WorkflowSteps.Expect(await applicant.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = reservedForm, nameLatin = name }), HttpStatusCode.Created);
        var id = await applicant.DraftAsync(Samples.Cooperative(nameLatin: name));
        foreach (var kind in Samples.RequiredDocuments("COOP"))
        {
            await WorkflowSteps.Expect(await applicant.AttachAsync(id, kind, Samples.Pdf, "doc.pdf"), HttpStatusCode.Created);
        }

        var refused = await applicant.PostAsync($"/api/v1/applications/{id}/submit", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["COOP_NAME_APPROVED"], (await refused.ReadJsonAsync())["rules"]!.AsArray().Select(r => (string)r!["code"]!));
    }

    [Fact]
    public async Task Approval_neither_accepts_nor_consumes_a_reservation_for_another_legal_form()
    {
        var applicant = await api.NewApplicantAsync();
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        var name = Samples.UniqueLatin("Coopérative Relais");
        var id = await applicant.SubmittedAsync(Samples.Cooperative(nameLatin: name)); // with its COOP reservation
        // The cooperative's reservation lapses before the decision, and the freed name is reserved again, for a mutual.
        await api.ScalarAsync<int?>("UPDATE registry.name_reservations SET expires_at = now() - interval '1 day' WHERE name_latin = $1", name);
        var mutual = await applicant.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "MUTU", nameLatin = name });
        await WorkflowSteps.Expect(mutual, HttpStatusCode.Created);

        var refused = await official.PostAsync($"/api/v1/applications/{id}/approve", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["COOP_NAME_APPROVED"], (await refused.ReadJsonAsync())["rules"]!.AsArray().Select(r => (string)r!["code"]!));
        Assert.Null(await api.ScalarAsync<DateTime?>("SELECT consumed_at FROM registry.name_reservations WHERE id = $1",
            Guid.Parse((string)(await mutual.ReadJsonAsync())["id"]!)));
    }

    [Theory]
    [InlineData(null, "obligatoire")]
    [InlineData("fr", "obligatoire")]
    [InlineData("ar", "إلزامي")]
    public async Task A_reservation_without_its_legal_form_is_400_naming_the_field(string? language, string expected)
    {
        var applicant = await api.NewApplicantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/name-reservations")
        {
            Content = JsonContent.Create(new { nameLatin = Samples.UniqueLatin("Coopérative Sans Forme") }),
        };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        var response = await applicant.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("legalForm"), errors.ToJsonString());
        Assert.Contains(expected, (string)errors["legalForm"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cooperative_needs_its_reservation_and_approval_consumes_it()
    {
        var applicant = await api.NewApplicantAsync();
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        var name = Samples.UniqueLatin("Coopérative Réservation");
        var id = await applicant.DraftAsync(Samples.Cooperative(nameLatin: name));
        foreach (var kind in Samples.RequiredDocuments("COOP"))
        {
            await WorkflowSteps.Expect(await applicant.AttachAsync(id, kind, Samples.Pdf, "doc.pdf"), HttpStatusCode.Created);
        }

        var refused = await applicant.PostAsync($"/api/v1/applications/{id}/submit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["COOP_NAME_APPROVED"], (await refused.ReadJsonAsync())["rules"]!.AsArray().Select(r => (string)r!["code"]!));

        // Someone else's reservation of the name is no help.
        await WorkflowSteps.Expect(await applicant.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = name.ToUpperInvariant() }), HttpStatusCode.Created);
        await WorkflowSteps.Expect(await applicant.PostAsync($"/api/v1/applications/{id}/submit", null), HttpStatusCode.OK);
        var number = await official.ApproveAsync(id);

        Assert.NotNull(await api.ScalarAsync<DateTime?>("SELECT consumed_at FROM registry.name_reservations WHERE application_id = $1", Guid.Parse(id)));
        var taken = await (await api.NewApplicantAsync()).PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = name });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains(number, (string)(await taken.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);
    }
}
