using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.LegalStatus;

/// <summary>The API on a clock the tests set, so that ages and dates fall exactly on the law's boundaries.</summary>
public sealed class LegalBoundaryApiFactory : RegistryApiFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}

/// <summary>SPEC §4 boundaries as an applicant meets them through the API: 422 with the rule's code, never a 400 that hides it.</summary>
public sealed class LegalBoundaryTests(LegalBoundaryApiFactory api) : IClassFixture<LegalBoundaryApiFactory>
{
    // 16 June 2026, 00:30 in Casablanca (UTC+1), still 15 June in UTC.
    private static readonly DateTimeOffset JustAfterMidnightInCasablanca = new(2026, 6, 15, 23, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2008-06-16", true)] // 18th birthday on the Casablanca submission date
    [InlineData("2008-06-17", false)] // 18 tomorrow
    public async Task Age_is_counted_on_the_submission_date_in_Casablanca(string birthDate, bool adult)
    {
        api.Clock.Set(JustAfterMidnightInCasablanca);
        var applicant = await api.NewApplicantAsync();
        var id = await applicant.DraftAsync(Cooperative(fifthMemberBirthDate: birthDate));

        var response = await SubmitAsync(applicant, id, "ar");

        if (adult)
        {
            await WorkflowSteps.Expect(response, HttpStatusCode.OK);
            return;
        }

        var rule = Assert.Single(await RulesAsync(response));
        Assert.Equal("PERSON_ADULT", (string)rule!["code"]!);
        Assert.Contains("17", (string)rule["message"]!, StringComparison.Ordinal);
        Assert.Contains("السن", (string)rule["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "La date de création est celle de l'assemblée générale constitutive, déjà tenue : elle ne peut pas être postérieure à aujourd'hui.")]
    [InlineData("ar", "تاريخ التأسيس هو تاريخ الجمع العام التأسيسي الذي انعقد بالفعل، فلا يمكن أن يكون بعد تاريخ اليوم.")]
    public async Task A_founding_date_after_today_in_Casablanca_is_400_on_foundingDate_when_drafted_or_edited(string? language, string message)
    {
        api.Clock.Set(JustAfterMidnightInCasablanca);
        var applicant = await api.NewApplicantAsync();

        // Tomorrow in Casablanca.
        var created = await SendAsync(applicant, HttpMethod.Post, "/api/v1/applications", Founded("2026-06-17"), language);
        Assert.Equal(message, FoundingDateError(await Contract.ErrorContractTests.AssertProblem(created, HttpStatusCode.BadRequest)));

        // Today in Casablanca, though still tomorrow in UTC.
        var id = await applicant.DraftAsync(Founded("2026-06-16"));

        var edited = await SendAsync(applicant, HttpMethod.Put, $"/api/v1/applications/{id}", Founded("2026-06-17"), language, await applicant.ETagAsync(id));
        Assert.Equal(message, FoundingDateError(await Contract.ErrorContractTests.AssertProblem(edited, HttpStatusCode.BadRequest)));
        Assert.Equal("2026-06-16", (string)(await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync())["foundingDate"]!);
    }

    [Theory]
    [InlineData("ab123456")]
    [InlineData("AB 123456")]
    [InlineData("AB1234567")]
    public async Task A_malformed_CIN_is_the_PERSON_CIN_rule_reported_with_the_others(string cin)
    {
        var applicant = await api.NewApplicantAsync();
        var id = await applicant.DraftAsync(Cooperative(fifthMemberCin: cin, fifthMemberBirthDate: "2015-01-01"));

        var codes = (await RulesAsync(await SubmitAsync(applicant, id, "fr"))).Select(r => (string)r!["code"]!).ToList();

        Assert.Equal(["PERSON_ADULT", "PERSON_CIN"], codes);
    }

    [Theory]
    [InlineData("99.999")]
    [InlineData("99.995")]
    public async Task A_share_value_with_more_than_two_decimals_is_refused_rather_than_rounded_up_to_the_minimum(string shareValue)
    {
        var applicant = await api.NewApplicantAsync();
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Cooperative(), System.Text.Json.JsonSerializerOptions.Web))!;
        body["shareValue"] = JsonNode.Parse(shareValue);

        var response = await applicant.PostAsJsonAsync("/api/v1/applications", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["shareValue"]);
    }

    [Theory]
    [InlineData("001524577000020", true, "001524577000020")] // 15 digits, a multiple of 97
    [InlineData("001524577000021", false, null)] // not a multiple of 97
    [InlineData("01524577000020", false, null)] // 14 digits
    [InlineData("0015245770000200", false, null)] // 16 digits
    [InlineData("00152457700002A", false, null)]
    [InlineData("", true, null)] // an empty field is no ICE, as for every optional text
    [InlineData("   ", true, null)]
    [InlineData(" 001524577000020 ", true, "001524577000020")]
    public async Task An_ICE_when_given_has_15_digits_and_is_a_multiple_of_97(string ice, bool accepted, string? stored)
    {
        var applicant = await api.NewApplicantAsync();
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Cooperative(), System.Text.Json.JsonSerializerOptions.Web))!;
        body["ice"] = ice;

        var response = await applicant.PostAsJsonAsync("/api/v1/applications", body);

        if (!accepted)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]!["ice"]);
            return;
        }

        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
        var id = (string)(await response.ReadJsonAsync())["id"]!;
        Assert.Equal(stored, (string?)(await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync())["ice"]);
    }

    [Fact]
    public async Task A_share_value_of_99_99_MAD_is_below_the_minimum()
    {
        var applicant = await api.NewApplicantAsync();
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Cooperative(), System.Text.Json.JsonSerializerOptions.Web))!;
        body["shareValue"] = 99.99m;
        var id = await applicant.DraftAsync(body);

        var codes = (await RulesAsync(await SubmitAsync(applicant, id, "fr"))).Select(r => (string)r!["code"]!).ToList();

        Assert.Equal(["COOP_SHARE_VALUE"], codes);
    }

    [Fact]
    public async Task Member_cooperatives_of_a_union_are_found_whatever_the_case_of_their_registration_numbers()
    {
        api.Clock.Set(JustAfterMidnightInCasablanca);
        var owner = await api.NewApplicantAsync();
        var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative())));
        }

        var union = new
        {
            legalForm = "UNION",
            nameLatin = Samples.UniqueLatin("Union Test"),
            sectorCode = "AGRI",
            seatAddress = "1 avenue Hassan II",
            provinceCode = "141",
            foundingDate = "2026-06-01",
            financialYearEnd = "12-31",
            members = numbers.Select((number, i) => new
            {
                kind = "LegalPerson", legalName = $"Coopérative membre {i + 1}", legalIdentifier = i == 0 ? number.ToLowerInvariant() : $" {number} ",
                sharesSubscribed = 1, sharesPaid = 1,
            }).ToArray(),
            officers = new[]
            {
                new { role = "Manager", fullNameLatin = "Fatima Zahra", cin = "AB123456", birthDate = "1985-04-02", nationality = "MA", profession = "Agricultrice", address = "Derb Sultan", mandateStart = "2026-06-01", mandateEnd = "2029-06-01" },
            },
        };
        var id = await owner.DraftAsync(union);

        await WorkflowSteps.Expect(await SubmitAsync(owner, id, "fr"), HttpStatusCode.OK);
        var stored = await (await owner.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        Assert.Equal(numbers, stored["members"]!.AsArray().Select(m => (string)m!["legalIdentifier"]!));
    }

    public static TheoryData<string, string[]> Boundaries => new()
    {
        { "coop-4-members", ["COOP_MIN_MEMBERS"] },
        { "coop-exactly-65-percent", [] },
        { "coop-64-percent", ["COOP_NATURAL_CAPITAL"] },
        { "coop-51-members-board-of-6-administrators", [] },
        { "coop-51-members-board-of-4", ["COOP_MANAGEMENT"] },
        { "coop-51-members-one-manager", ["COOP_MANAGEMENT"] },
        { "mutual-exactly-two-thirds-participating", [] },
        { "mutual-one-third-participating", ["MUTU_ADMINISTRATORS"] },
        { "mutual-administrator-aged-21-today", [] },
        { "mutual-administrator-aged-20", ["MUTU_ADMINISTRATORS", "PERSON_ADULT"] },
        { "association-1-founder", ["ASSO_MIN_FOUNDERS"] },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task Each_boundary_gets_exactly_its_rules_through_the_API(string scenario, string[] expected)
    {
        api.Clock.Set(JustAfterMidnightInCasablanca);
        var applicant = await api.NewApplicantAsync();
        var id = await applicant.DraftAsync(Scenario(scenario));

        var response = await SubmitAsync(applicant, id, "ar");

        if (expected.Length == 0)
        {
            await WorkflowSteps.Expect(response, HttpStatusCode.OK);
            return;
        }

        var rules = await RulesAsync(response);
        Assert.Equal(expected, rules.Select(r => (string)r!["code"]!));
        Assert.All(rules, r => Assert.Contains((string)r!["message"]!, c => c is >= '\u0600' and <= '\u06FF'));
    }

    private static JsonNode Scenario(string name)
    {
        JsonNode Natural(int n, int shares, int paid) => new JsonObject
        {
            ["kind"] = "NaturalPerson", ["fullNameLatin"] = $"Membre {n}", ["cin"] = $"EE{n:D6}", ["birthDate"] = "1980-01-01", ["gender"] = "Male",
            ["nationality"] = "MA", ["sharesSubscribed"] = shares, ["sharesPaid"] = paid,
        };
        JsonNode Officer(string role, int n, string birthDate = "1980-01-01", bool participating = true) => new JsonObject
        {
            ["role"] = role, ["fullNameLatin"] = $"Dirigeant {n}", ["cin"] = $"FF{n:D6}", ["birthDate"] = birthDate, ["nationality"] = "MA",
            ["profession"] = "Agriculteur", ["address"] = "Rabat", ["mandateStart"] = "2026-06-01", ["mandateEnd"] = "2029-06-01",
            ["isParticipatingMember"] = participating,
        };
        JsonNode Sample(object body) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web))!;
        JsonArray Array(IEnumerable<JsonNode> nodes) => new([.. nodes]);

        var coop = Sample(Samples.Cooperative());
        var mutual = Sample(Samples.Mutual());
        var association = Sample(Samples.Association());
        switch (name)
        {
            case "coop-4-members":
                coop["members"]!.AsArray().RemoveAt(4);
                return coop;
            case "coop-exactly-65-percent": // 13 of 20 shares
            case "coop-64-percent": // 16 of 25 shares
                var natural = name == "coop-exactly-65-percent" ? new[] { 4, 3, 3, 3 } : [4, 4, 4, 4];
                var members = coop["members"]!.AsArray();
                for (var i = 0; i < 4; i++)
                {
                    members[i]!["sharesSubscribed"] = natural[i];
                    members[i]!["sharesPaid"] = natural[i];
                }

                var legal = name == "coop-exactly-65-percent" ? 7 : 9;
                members[4]!["sharesSubscribed"] = legal;
                members[4]!["sharesPaid"] = legal;
                return coop;
            case "coop-51-members-board-of-6-administrators":
            case "coop-51-members-board-of-4":
            case "coop-51-members-one-manager":
                coop["members"] = Array(Enumerable.Range(1, 51).Select(n => Natural(n, 1, 1)));
                coop["officers"] = name switch
                {
                    "coop-51-members-board-of-6-administrators" => Array(Enumerable.Range(1, 6).Select(n => Officer("Administrator", n))),
                    "coop-51-members-board-of-4" => Array(Enumerable.Range(1, 4).Select(n => Officer(n == 1 ? "President" : "BoardMember", n))),
                    _ => Array([Officer("Manager", 1)]),
                };
                return coop;
            case "mutual-exactly-two-thirds-participating":
                mutual["officers"]!.AsArray().Add(Officer("Administrator", 3, participating: false));
                return mutual;
            case "mutual-one-third-participating":
                mutual["officers"]![1]!["isParticipatingMember"] = false;
                mutual["officers"]!.AsArray().Add(Officer("Administrator", 3, participating: false));
                return mutual;
            case "mutual-administrator-aged-21-today":
                mutual["officers"]!.AsArray().Add(Officer("Administrator", 3, birthDate: "2005-06-16"));
                return mutual;
            case "mutual-administrator-aged-20":
                mutual["officers"]!.AsArray().Add(Officer("Administrator", 3, birthDate: "2005-06-17"));
                return mutual;
            case "association-1-founder":
                association["members"]!.AsArray().RemoveAt(1);
                return association;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient applicant, string id, string language)
    {
        await applicant.CompleteAsync(id);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit");
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return await applicant.SendAsync(request);
    }

    /// <summary>The lawful sample cooperative founded on <paramref name="date"/>.</summary>
    private static JsonNode Founded(string date)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative(), System.Text.Json.JsonSerializerOptions.Web))!;
        body["foundingDate"] = date;
        return body;
    }

    /// <summary>The one message of the one field in error, which must be the founding date.</summary>
    private static string FoundingDateError(JsonNode problem)
    {
        var error = Assert.Single(problem["errors"]!.AsObject());
        Assert.Equal("foundingDate", error.Key);
        return (string)Assert.Single(error.Value!.AsArray())!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode body, string? language, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonArray> RulesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await response.ReadJsonAsync())["rules"]!.AsArray();
    }

    /// <summary>The lawful sample cooperative, its fifth member (a natural person here) as the test says.</summary>
    private static object Cooperative(string fifthMemberBirthDate = "1988-11-30", string fifthMemberCin = "JC523456")
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative(), System.Text.Json.JsonSerializerOptions.Web))!;
        body["members"]![4] = new JsonObject
        {
            ["kind"] = "NaturalPerson", ["fullNameLatin"] = "Cinquième Membre", ["cin"] = fifthMemberCin, ["birthDate"] = fifthMemberBirthDate,
            ["gender"] = "Female", ["nationality"] = "MA", ["sharesSubscribed"] = 10, ["sharesPaid"] = 10,
        };
        return body;
    }
}
