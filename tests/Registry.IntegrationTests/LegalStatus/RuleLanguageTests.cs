using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.IntegrationTests.Contract;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.LegalStatus;

/// <summary>
/// A refusal is read in the language of Accept-Language to the end: a broken rule's article (Moroccan Arabic citations:
/// "القانون رقم 112.12، المادة 14", a dahir's "الفصل"), and the state and action a 409 names.
/// </summary>
public sealed class RuleLanguageTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task A_cooperatives_broken_rules_cite_law_112_12_and_decree_2_15_617_in_the_requested_language()
    {
        var applicant = await api.NewApplicantAsync();
        var body = Body(Samples.Cooperative());
        body["members"]!.AsArray().RemoveAt(4); // four members, one short of the minimum
        var id = await applicant.DraftAsync(body);

        var arabic = await ArticlesAsync(applicant, id, "ar");
        var french = await ArticlesAsync(applicant, id, "fr");

        Assert.Equal("القانون رقم 112.12، المادة 14", arabic["COOP_MIN_MEMBERS"]);
        Assert.Equal("المرسوم رقم 2.15.617، المادتان 3 و4", arabic["COOP_NAME_APPROVED"]);
        Assert.Equal("القانون رقم 112.12 والمرسوم رقم 2.15.617 (ملف التقييد)", arabic["REQUIRED_DOCUMENTS"]);
        Assert.Equal("Loi 112-12, art. 14", french["COOP_MIN_MEMBERS"]);
        Assert.Equal("Décret 2-15-617, arts. 3 et 4", french["COOP_NAME_APPROVED"]);
        Assert.Equal("Loi 112-12 et décret 2-15-617 (dossier d'immatriculation)", french["REQUIRED_DOCUMENTS"]);
        Assert.Equal(french, await ArticlesAsync(applicant, id, null)); // French by default
    }

    [Fact]
    public async Task A_mutual_societys_broken_rules_cite_the_1963_dahir_the_family_code_and_law_04_20_in_the_requested_language()
    {
        var applicant = await api.NewApplicantAsync();
        var body = Body(Samples.Mutual());
        var members = body["members"]!.AsArray();
        var officers = body["officers"]!.AsArray();
        members[0]!["cin"] = "BK100002"; // another member's CIN
        members[1]!["birthDate"] = "2012-01-01";
        officers[1]!["birthDate"] = "2012-01-01";
        officers[1]!["nationality"] = "FR";
        var id = await applicant.DraftAsync(body);

        var arabic = await ArticlesAsync(applicant, id, "ar");
        var french = await ArticlesAsync(applicant, id, "fr");

        Assert.Equal("الظهير رقم 1.57.187 بتاريخ 12 نونبر 1963، الفصل 4", arabic["MUTU_FINANCIAL_PLAN"]);
        Assert.Equal("الظهير رقم 1.57.187 بتاريخ 12 نونبر 1963، الفصل 11", arabic["MUTU_ADMINISTRATORS"]);
        Assert.Equal("مدونة الأسرة، المادة 209", arabic["PERSON_ADULT"]);
        Assert.Equal("القانون رقم 04.20 المتعلق بالبطاقة الوطنية للتعريف الإلكترونية", arabic["PERSON_CIN"]);
        Assert.Equal("Dahir 1-57-187 du 12 novembre 1963, art. 11", french["MUTU_ADMINISTRATORS"]);
        Assert.Equal("Code de la famille (loi 70-03), art. 209", french["PERSON_ADULT"]);
        Assert.Equal("Loi 04-20 relative à la carte nationale d'identité électronique", french["PERSON_CIN"]);
    }

    [Fact]
    public async Task An_associations_broken_rules_cite_the_1958_dahir_in_the_requested_language()
    {
        var applicant = await api.NewApplicantAsync();
        var body = Body(Samples.Association());
        body["members"]!.AsArray().RemoveAt(1); // a single founder
        var id = await applicant.DraftAsync(body);

        var arabic = await ArticlesAsync(applicant, id, "ar-MA,fr;q=0.5");
        var french = await ArticlesAsync(applicant, id, "fr-FR");

        Assert.Equal("الظهير رقم 1.58.376 بتاريخ 15 نونبر 1958، الفصل 1", arabic["ASSO_MIN_FOUNDERS"]);
        Assert.Equal("الظهير رقم 1.58.376 بتاريخ 15 نونبر 1958، الفصل 5", arabic["REQUIRED_DOCUMENTS"]);
        Assert.Equal("Dahir 1-58-376 du 15 novembre 1958, art. 1", french["ASSO_MIN_FOUNDERS"]);
        Assert.Equal("Dahir 1-58-376 du 15 novembre 1958, art. 5", french["REQUIRED_DOCUMENTS"]);
    }

    [Fact]
    public async Task Approving_a_rejected_application_names_the_state_and_the_action_in_the_requested_language()
    {
        var applicant = await api.NewApplicantAsync();
        var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var id = await applicant.SubmittedAsync();
        await WorkflowSteps.Expect(await official.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { reason = "Activité hors du champ coopératif." }), HttpStatusCode.OK);

        var arabic = await ErrorContractTests.AssertProblem(await SendAsync(official, $"/api/v1/applications/{id}/approve", null, "ar"), HttpStatusCode.Conflict);
        var french = await ErrorContractTests.AssertProblem(await SendAsync(official, $"/api/v1/applications/{id}/approve", null, "fr"), HttpStatusCode.Conflict);

        Assert.Equal("APPLICATION_STATE", (string)arabic["code"]!);
        Assert.Equal("الطلب في حالة «مرفوض»: لا يمكن تنفيذ الإجراء «الموافقة».", (string)arabic["detail"]!);
        Assert.Equal("الطلب في حالة «مرفوض»: لا يمكن تنفيذ الإجراء «الموافقة».", (string)arabic["rules"]![0]!["message"]!);
        Assert.Equal("قواعد السجل، مراحل الطلب", (string)arabic["rules"]![0]!["article"]!);
        Assert.Equal("La demande est à l'état « rejetée » : l'action « approuver » n'est pas possible.", (string)french["detail"]!);
        Assert.Equal("Règles du registre, étapes d'une demande", (string)french["rules"]![0]!["article"]!);
    }

    [Fact]
    public async Task Reinstating_an_active_organisation_names_the_state_and_the_action_in_the_requested_language()
    {
        var applicant = await api.NewApplicantAsync();
        var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var number = await official.ApproveAsync(await applicant.SubmittedAsync());
        var path = $"/api/v1/organizations/{number}/reinstate";

        var arabic = await ErrorContractTests.AssertProblem(await SendAsync(official, path, new { reason = "Régularisation." }, "ar"), HttpStatusCode.Conflict);
        var french = await ErrorContractTests.AssertProblem(await SendAsync(official, path, new { reason = "Régularisation." }, "fr"), HttpStatusCode.Conflict);

        Assert.Equal("ORGANIZATION_STATE", (string)arabic["code"]!);
        Assert.Equal("المنظمة في حالة «نشطة»: لا يمكن تنفيذ الإجراء «إعادة التفعيل».", (string)arabic["detail"]!);
        Assert.Equal("قواعد السجل، وضعية المنظمة", (string)arabic["rules"]![0]!["article"]!);
        Assert.Equal("L'organisation est à l'état « active » : l'action « rétablir » n'est pas possible.", (string)french["detail"]!);
    }

    private static JsonObject Body(object sample) => JsonSerializer.SerializeToNode(sample, JsonSerializerOptions.Web)!.AsObject();

    /// <summary>Submits and expects 422; returns each broken rule's article by its code.</summary>
    private static async Task<Dictionary<string, string>> ArticlesAsync(HttpClient applicant, string id, string? language)
    {
        var problem = await ErrorContractTests.AssertProblem(
            await SendAsync(applicant, $"/api/v1/applications/{id}/submit", null, language), HttpStatusCode.UnprocessableEntity);
        return problem["rules"]!.AsArray().ToDictionary(r => (string)r!["code"]!, r => (string)r!["article"]!);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object? body, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return client.SendAsync(request);
    }
}
