using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Contract;

/// <summary>Every error is RFC 9457 problem details with a traceId, and the right status (SPEC §8).</summary>
public sealed class ErrorContractTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task Unauthenticated_calls_get_401_problem_details()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/review/applications");
        await AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_method_gets_405_problem_details()
    {
        var response = await api.CreateClient().DeleteAsync("/api/v1/organizations");
        await AssertProblem(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task An_unknown_organisation_is_404_problem_details()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/organizations/COOP-06-1999-000001");
        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null, "Réservation de nom « {0} » introuvable.", "Introuvable")]
    [InlineData("ar", "لم يُعثر على حجز الاسم «{0}».", "غير موجود")]
    public async Task Not_found_names_the_resource_in_the_requested_language(string? language, string detail, string title)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var id = Guid.NewGuid();
        var problem = await AssertProblem(await Send(applicant, HttpMethod.Post, $"/api/v1/name-reservations/{id}/renew", language), HttpStatusCode.NotFound);

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, detail, id), (string)problem["detail"]!);
        Assert.Equal(title, (string)problem["title"]!);
    }

    [Theory]
    [InlineData(null, "Organisation « numéro d'immatriculation mal formé » introuvable.")]
    [InlineData("ar", "لم يُعثر على الهيئة «رقم تسجيل غير صحيح الصيغة».")]
    public async Task A_malformed_registration_number_is_404_in_the_requested_language(string? language, string detail)
    {
        var problem = await AssertProblem(await Send(api.CreateClient(), HttpMethod.Get, "/api/v1/organizations/not-a-number", language), HttpStatusCode.NotFound);
        Assert.Equal(detail, (string)problem["detail"]!);
    }

    [Theory]
    [InlineData(null, "Authentification requise", "Méthode non autorisée")]
    [InlineData("ar", "المصادقة مطلوبة", "الطريقة غير مسموح بها")]
    public async Task Problems_the_framework_writes_have_titles_in_the_requested_language(string? language, string unauthorized, string methodNotAllowed)
    {
        var client = api.CreateClient();
        var signIn = await AssertProblem(await Send(client, HttpMethod.Get, "/api/v1/review/applications", language), HttpStatusCode.Unauthorized);
        var method = await AssertProblem(await Send(client, HttpMethod.Delete, "/api/v1/organizations", language), HttpStatusCode.MethodNotAllowed);

        Assert.Equal(unauthorized, (string)signIn["title"]!);
        Assert.Equal(methodNotAllowed, (string)method["title"]!);
    }

    [Theory]
    [InlineData("{bad json")]
    [InlineData("[]")]
    [InlineData("{\"legalForm\": 12345678901234567890}")]
    [InlineData("{\"legalForm\": \"LLC\"}")]
    [InlineData("{\"foundingDate\": \"31/12/2020\"}")]
    [InlineData("")]
    public async Task A_malformed_body_is_400_never_500(string body)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await applicant.PostAsync("/api/v1/applications", content);
        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_creates_nothing()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications");
        using var content = new StringContent("{\"nameLatin\":\"" + new string('x', 2_000_000) + "\"}", Encoding.UTF8, "application/json");
        var response = await applicant.PostAsync("/api/v1/applications", content);
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        using var content = new StringContent("legalForm=COOP", Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await applicant.PostAsync("/api/v1/applications", content);
        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
    }


    [Theory]
    [InlineData("/api/v1/applications", Actor.Owner)]
    [InlineData("/api/v1/name-reservations", Actor.Owner)]
    [InlineData("/api/v1/auth/login", Actor.Anonymous)]
    public async Task A_JSON_body_in_a_charset_that_names_no_encoding_is_415_and_writes_nothing(string path, Actor actor)
    {
        var client = await api.Actors.ClientAsync(actor);
        var before = await api.ScalarAsync<long>("SELECT (SELECT count(*) FROM registry.applications) + (SELECT count(*) FROM registry.name_reservations)");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative())));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=garbage");

        var problem = await AssertProblem(await client.PostAsync(path, content), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("UTF-8", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT (SELECT count(*) FROM registry.applications) + (SELECT count(*) FROM registry.name_reservations)"));
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_JSON_body_in_a_known_charset_is_read(string contentType)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var json = System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative());
        var encoding = contentType.EndsWith("utf-16", StringComparison.Ordinal) ? Encoding.Unicode : Encoding.UTF8;
        using var content = new ByteArrayContent(encoding.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await applicant.PostAsync("/api/v1/applications", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
    [Fact]
    public async Task Invalid_fields_are_400_with_an_errors_map()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var body = new
        {
            legalForm = "COOP",
            nameLatin = "Bad\u202Ename",
            sectorCode = "NOPE",
            seatAddress = "",
            provinceCode = "999",
            foundingDate = "2026-01-01",
            financialYearEnd = "02-30",
            members = new[] { new { kind = "NaturalPerson", sharesSubscribed = 1, sharesPaid = 2 } },
        };
        var response = await applicant.PostAsJsonAsync("/api/v1/applications", body);
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("nameLatin", errors.Select(e => e.Key));
        Assert.Contains("seatAddress", errors.Select(e => e.Key));
        Assert.Contains("financialYearEnd", errors.Select(e => e.Key));
        Assert.Contains("members[0].fullNameAr", errors.Select(e => e.Key));
        Assert.Contains("members[0].sharesPaid", errors.Select(e => e.Key));

        var unknown = await applicant.PostAsJsonAsync("/api/v1/applications", Samples.Cooperative(province: "999"));
        var unknownProblem = await AssertProblem(unknown, HttpStatusCode.BadRequest);
        Assert.NotNull(unknownProblem["errors"]!["provinceCode"]);
    }

    [Theory]
    [InlineData("+1-+1")]
    [InlineData(" 1- 1")]
    [InlineData("02-29")]
    [InlineData("13-01")]
    [InlineData("12/31")]
    public async Task A_financial_year_end_is_two_digits_a_dash_and_two_digits_of_a_day_every_year_has(string financialYearEnd)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative(), System.Text.Json.JsonSerializerOptions.Web))!;
        body["financialYearEnd"] = financialYearEnd;

        var response = await applicant.PostAsJsonAsync("/api/v1/applications", body);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("financialYearEnd", Assert.Single(problem["errors"]!.AsObject()).Key);
    }

    [Theory]
    [InlineData(null, "fr")]
    [InlineData("fr-FR", "fr")]
    [InlineData("ar", "ar")]
    [InlineData("en", "fr")]
    public async Task Invalid_input_is_explained_in_the_requested_language_French_by_default(string? language, string expected)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative(), System.Text.Json.JsonSerializerOptions.Web))!;
        body["ice"] = "001524577000000";
        body["seatAddress"] = "";
        body["members"]![0]!["sharesPaid"] = 11;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        var problem = await AssertProblem(await applicant.SendAsync(request), HttpStatusCode.BadRequest);

        var messages = problem["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => (string)m!))
            .Append((string)problem["detail"]!).Append((string)problem["title"]!).ToList();
        Assert.Equal(3 + 2, messages.Count);
        Assert.All(messages, m => Assert.Equal(expected == "ar", IsArabic(m)));
        if (expected == "fr")
        {
            Assert.Contains("ICE", (string)problem["errors"]!["ice"]![0]!, StringComparison.Ordinal);
            Assert.Contains("97", (string)problem["errors"]!["ice"]![0]!, StringComparison.Ordinal);
            Assert.DoesNotContain(" must ", string.Join(" ", messages), StringComparison.Ordinal);
            Assert.DoesNotContain(" the ", string.Join(" ", messages), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(null, "'sectorCode' ne doit pas être vide.", "'mandateEnd' doit être plus grand que '2026-11-01'.")]
    [InlineData("ar", "'sectorCode' لا يجب أن يكون فارغاً.", "'mandateEnd' يجب أن يكون أكبر من '2026-11-01'.")]
    public async Task Built_in_validation_messages_name_the_JSON_field_and_write_dates_as_ISO(string? language, string sector, string mandate)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative(), System.Text.Json.JsonSerializerOptions.Web))!;
        body["sectorCode"] = "";
        body["officers"]![0]!["mandateStart"] = "2026-11-01";
        body["officers"]![0]!["mandateEnd"] = "2026-10-01";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        var problem = await AssertProblem(await applicant.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Contains(sector, problem["errors"]!["sectorCode"]!.AsArray().Select(m => (string)m!));
        Assert.Contains(mandate, problem["errors"]!["officers[0].mandateEnd"]!.AsArray().Select(m => (string)m!));
    }

    [Theory]
    [InlineData("fr", false)]
    [InlineData("ar", true)]
    [InlineData("ar-MA,fr;q=0.5", true)]
    [InlineData("fr-FR,ar;q=0.5", false)]
    [InlineData("en", false)]
    [InlineData("ar;q=0", false)]
    [InlineData("ar;q=0, fr;q=0.1", false)]
    public async Task A_broken_rule_is_422_with_every_rule_code_in_the_requested_language(string language, bool arabic)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var empty = new
        {
            legalForm = "ASSO", sectorCode = "SPORT", seatAddress = "Rue 1", provinceCode = "141", foundingDate = "2026-01-01", financialYearEnd = "12-31",
        };
        var id = await applicant.DraftAsync(empty);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit");
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        var response = await applicant.SendAsync(request);
        var problem = await AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        var rules = problem["rules"]!.AsArray();
        var codes = rules.Select(r => (string)r!["code"]!).ToList();
        Assert.Contains("APPLICATION_NAME_REQUIRED", codes);
        Assert.Contains("ASSO_MIN_FOUNDERS", codes);
        Assert.DoesNotContain("APPLICATION_MEMBERS_REQUIRED", codes); // the founders' minimum says it already
        Assert.Contains("REQUIRED_DOCUMENTS", codes);
        Assert.All(rules, r => Assert.Equal(arabic, IsArabic((string)r!["message"]!)));
        Assert.Equal(arabic, IsArabic((string)problem["detail"]!));
        Assert.Equal(arabic ? "قاعدة غير مستوفاة" : "Règle non respectée", (string)problem["title"]!);
        Assert.All(rules, r => Assert.False(string.IsNullOrEmpty((string?)r!["article"])));

        var status = await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        Assert.Equal("Draft", (string)status["status"]!);
    }

    [Fact]
    public async Task Editing_without_If_Match_or_with_an_old_ETag_is_412_and_changes_nothing()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var id = await applicant.DraftAsync();
        var etag = await applicant.ETagAsync(id);

        var missing = await applicant.PutAsJsonAsync($"/api/v1/applications/{id}", Samples.Cooperative(nameLatin: "Sans If-Match"));
        await AssertProblem(missing, HttpStatusCode.PreconditionFailed);

        Assert.Equal(HttpStatusCode.OK, (await Put(applicant, id, etag, "Première")).StatusCode);
        var stale = await Put(applicant, id, etag, "Seconde");
        await AssertProblem(stale, HttpStatusCode.PreconditionFailed);
        var garbage = await Put(applicant, id, "\"not-a-number\"", "Troisième");
        await AssertProblem(garbage, HttpStatusCode.PreconditionFailed);

        var current = await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        Assert.Equal("Première", (string)current["nameLatin"]!);
    }

    [Fact]
    public async Task If_Match_is_a_list_that_matches_when_one_of_its_strong_tags_is_the_current_version()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var id = await applicant.DraftAsync();
        var etag = await applicant.ETagAsync(id);

        var listed = await Put(applicant, id, $"\"1\", {etag}", "Dans une liste");
        await WorkflowSteps.Expect(listed, HttpStatusCode.OK);
        var next = listed.Headers.ETag!.Tag;
        var twoLines = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}") { Content = JsonContent.Create(Samples.Cooperative(nameLatin: "Deux lignes")) };
        twoLines.Headers.TryAddWithoutValidation("If-Match", ["\"2\"", next]);
        await WorkflowSteps.Expect(await applicant.SendAsync(twoLines), HttpStatusCode.OK);

        var current = await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        Assert.Equal("Deux lignes", (string)current["nameLatin"]!);
    }

    [Theory]
    [InlineData("*", null, "ETag précis")]
    [InlineData("*", "ar", "المحدد")]
    [InlineData("W/{0}", null, "ETag faible")]
    [InlineData("W/{0}", "ar", "الضعيف")]
    [InlineData("W/{0}, \"1\"", null, "ETag faible")]
    [InlineData("{1}", null, "Envoyez l'ETag")]
    [InlineData("1234", null, "pas lisible")]
    [InlineData("\"1\", *", null, "pas lisible")]
    [InlineData("\"1\", \"2\"", null, "a changé")]
    public async Task If_Match_without_the_current_strong_tag_is_412_saying_why(string ifMatch, string? language, string detail)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var id = await applicant.DraftAsync();
        var etag = await applicant.ETagAsync(id);

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}") { Content = JsonContent.Create(Samples.Cooperative(nameLatin: "Refusée")) };
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, ifMatch, etag, "");
        if (value.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("If-Match", value);
        }

        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        var problem = await AssertProblem(await applicant.SendAsync(request), HttpStatusCode.PreconditionFailed);
        Assert.Contains(detail, (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(etag, await applicant.ETagAsync(id));
    }

    [Theory]
    [InlineData(Actor.OfficialOfRegion, "/api/v1/review/applications?status=Nope", "status")]
    [InlineData(Actor.OfficialOfRegion, "/api/v1/review/applications?legalForm=coop", "legalForm")]
    [InlineData(Actor.Anonymous, "/api/v1/organizations?legalForm=XYZ", "legalForm")]
    [InlineData(Actor.Anonymous, "/api/v1/organizations?status=1", "status")]
    [InlineData(Actor.OfficialOfRegion, "/api/v1/compliance/findings?stage=Nope", "stage")]
    [InlineData(Actor.OfficialOfRegion, "/api/v1/compliance/findings?stage=1", "stage")]
    [InlineData(Actor.OfficialOfRegion, "/api/v1/compliance/findings?stage=99", "stage")]
    [InlineData(Actor.OfficialOfRegion, "/api/v1/compliance/findings?stage=Upcoming,Overdue", "stage")]
    [InlineData(Actor.OfficialOfRegion, "/api/v1/review/applications?limit=ten", "limit")]
    [InlineData(Actor.OfficialOfRegion, "/api/v1/review/applications?submittedSince=yesterday", "submittedSince")]
    public async Task A_query_parameter_that_cannot_be_read_is_400_keyed_by_its_name(Actor actor, string path, string key)
    {
        var client = await api.Actors.ClientAsync(actor);
        var problem = await AssertProblem(await client.GetAsync(path), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([key], errors.Select(e => e.Key));
        Assert.DoesNotContain("Nope", errors.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enumeration_in_the_query_is_read_by_its_name_and_the_names_are_listed_in_the_requested_language()
    {
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/api/v1/compliance/findings?stage=Overdue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/api/v1/review/applications?status=Submitted&legalForm=COOP&status=")).StatusCode);

        var french = await AssertProblem(await official.GetAsync("/api/v1/compliance/findings?stage=1"), HttpStatusCode.BadRequest);
        Assert.StartsWith("Valeur inconnue : choisissez parmi ", (string)french["errors"]!["stage"]![0]!, StringComparison.Ordinal);
        Assert.Contains("Overdue", (string)french["errors"]!["stage"]![0]!, StringComparison.Ordinal);
        var arabic = await AssertProblem(await Send(official, HttpMethod.Get, "/api/v1/compliance/findings?stage=Nope", "ar"), HttpStatusCode.BadRequest);
        Assert.True(IsArabic((string)arabic["errors"]!["stage"]![0]!));
    }

    [Fact]
    public async Task An_error_is_problem_details_even_when_the_client_accepts_only_CSV()
    {
        var analyst = await api.Actors.ClientAsync(Actor.Analyst);
        var statistics = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statistics/organizations?groupBy=region,province,year");
        statistics.Headers.TryAddWithoutValidation("Accept", "text/csv");
        var badRequest = await AssertProblem(await analyst.SendAsync(statistics), HttpStatusCode.BadRequest);
        Assert.NotNull(badRequest["errors"]!["groupBy"]);
        Assert.Equal("Requête invalide", (string)badRequest["title"]!);

        var organization = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations/COOP-06-1999-000001");
        organization.Headers.TryAddWithoutValidation("Accept", "text/csv");
        organization.Headers.TryAddWithoutValidation("Accept-Language", "ar");
        var notFound = await AssertProblem(await api.CreateClient().SendAsync(organization), HttpStatusCode.NotFound);
        Assert.Equal("غير موجود", (string)notFound["title"]!);

        var unknownRoute = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nothing-here");
        unknownRoute.Headers.TryAddWithoutValidation("Accept", "text/csv, text/plain;q=0.5");
        await AssertProblem(await api.CreateClient().SendAsync(unknownRoute), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Concurrent_edits_with_the_same_ETag_let_exactly_one_through()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var id = await applicant.DraftAsync();
        var etag = await applicant.ETagAsync(id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Put(applicant, id, etag, $"Version {i}")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict }));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadJsonAsync();
        var current = await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        Assert.Equal((string)winner["nameLatin"]!, (string)current["nameLatin"]!);
        Assert.Equal(1L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries WHERE application_id = $1 AND action = 'application.edited'", Guid.Parse(id)));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_and_body_replays_the_first_response()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var key = Guid.NewGuid().ToString();
        var first = await PostWithKey(applicant, key, Samples.Cooperative(nameLatin: "Idempotente"));
        var second = await PostWithKey(applicant, key, Samples.Cooperative(nameLatin: "Idempotente"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((string)(await first.ReadJsonAsync())["id"]!, (string)(await second.ReadJsonAsync())["id"]!);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications WHERE name_latin = 'Idempotente'"));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_Idempotency_Key_create_one_application()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostWithKey(applicant, key, Samples.Cooperative(nameLatin: "Course"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (string)(await r.ReadJsonAsync())["id"]!));
        Assert.Single(ids.Distinct());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications WHERE name_latin = 'Course'"));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_another_body_is_409()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await PostWithKey(applicant, key, Samples.Cooperative(nameLatin: "Premier corps"))).StatusCode);
        var conflict = await AssertProblem(await PostWithKey(applicant, key, Samples.Cooperative(nameLatin: "Autre corps")), HttpStatusCode.Conflict);
        var arabic = await AssertProblem(await PostWithKey(applicant, key, Samples.Cooperative(nameLatin: "Autre corps"), "ar"), HttpStatusCode.Conflict);

        Assert.Equal("Cet Idempotency-Key a déjà servi pour une autre requête.", (string)conflict["detail"]!);
        Assert.Equal("Conflit", (string)conflict["title"]!);
        Assert.Equal("سبق استعمال Idempotency-Key هذا لطلب مختلف.", (string)arabic["detail"]!);
        Assert.Equal("تعارض", (string)arabic["title"]!);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications WHERE name_latin = 'Autre corps'"));
    }

    [Fact]
    public async Task A_failed_command_does_not_burn_its_Idempotency_Key()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.BadRequest, (await PostWithKey(applicant, key, Samples.Cooperative(province: "999"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostWithKey(applicant, key, Samples.Cooperative())).StatusCode);
    }

    [Fact]
    public async Task Idempotency_keys_belong_to_their_user()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var other = await api.Actors.ClientAsync(Actor.OtherApplicant);
        var key = Guid.NewGuid().ToString();
        var mine = await PostWithKey(owner, key, Samples.Cooperative(nameLatin: "Clé partagée"));
        var theirs = await PostWithKey(other, key, Samples.Cooperative(nameLatin: "Clé partagée"));
        Assert.NotEqual((string)(await mine.ReadJsonAsync())["id"]!, (string)(await theirs.ReadJsonAsync())["id"]!);
    }

    [Fact]
    public async Task A_duplicate_staff_account_is_409()
    {
        var admin = await api.Actors.ClientAsync(Actor.Administrator);
        var email = $"dup-{Guid.NewGuid():N}@registry.test";
        var body = new { email, password = RegistryApiFactory.Password, role = "MinistryAnalyst" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/users", body)).StatusCode);
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/admin/users", body), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("RegionalOfficial", null)]
    [InlineData("RegionalOfficial", "13")]
    [InlineData("MinistryAnalyst", "06")]
    [InlineData("Applicant", null)]
    [InlineData("Root", null)]
    public async Task Staff_accounts_are_validated(string role, string? region)
    {
        var admin = await api.Actors.ClientAsync(Actor.Administrator);
        var body = new { email = $"s-{Guid.NewGuid():N}@registry.test", password = RegistryApiFactory.Password, role, regionCodes = region is null ? Array.Empty<string>() : [region] };
        var problem = await AssertProblem(await admin.PostAsJsonAsync("/api/v1/admin/users", body), HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!.AsObject());
    }

    [Fact]
    public async Task A_weak_staff_password_is_400_naming_the_password()
    {
        var admin = await api.Actors.ClientAsync(Actor.Administrator);
        var body = new { email = $"weak-{Guid.NewGuid():N}@registry.test", password = "short", role = "MinistryAnalyst" };
        var problem = await AssertProblem(await admin.PostAsJsonAsync("/api/v1/admin/users", body), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["password"]);
    }

    private static bool IsArabic(string text) => text.Any(c => c is >= '\u0600' and <= '\u06FF');

    private static Task<HttpResponseMessage> Put(HttpClient client, string id, string etag, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}") { Content = JsonContent.Create(Samples.Cooperative(nameLatin: name)) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostWithKey(HttpClient client, string key, object body, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string? language)
    {
        var request = new HttpRequestMessage(method, path);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return client.SendAsync(request);
    }

    [Theory]
    [InlineData("legalForm", "\"XYZ\"", "legalForm", "lisible")] // not one of the names
    [InlineData("legalForm", null, "legalForm", "obligatoire")] // left out
    [InlineData("members[0].kind", null, "members[0].kind", "obligatoire")]
    [InlineData("members[0].birthDate", "\"31/12/1980\"", "members[0].birthDate", "lisible")]
    [InlineData("members", "\"five\"", "members", "lisible")]
    [InlineData("shareValue", "true", "shareValue", "lisible")]
    public async Task A_json_value_that_cannot_be_read_is_400_naming_its_field(string path, string? value, string field, string message)
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative()))!.AsObject();
        var parts = path.Split('.');
        var target = parts.Length == 1 ? body : body[parts[0][..^3]]![0]!.AsObject();
        if (value is null)
        {
            target.Remove(parts[^1]);
        }
        else
        {
            target[parts[^1]] = JsonNode.Parse(value);
        }

        var response = await owner.PostAsync("/api/v1/applications", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        Assert.Contains(message, (string)errors[field]![0]!, StringComparison.Ordinal);
    }

    internal static async Task<JsonNode> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        return problem;
    }
}
