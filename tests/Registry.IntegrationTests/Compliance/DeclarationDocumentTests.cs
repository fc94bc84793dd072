using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Compliance;

/// <summary>
/// The assembly's minutes and the accounts are filed with their declarations (issue 4): typed from the
/// bytes, hashed, stored with the declaration in one transaction, downloadable by the owner and the region.
/// </summary>
public sealed class DeclarationDocumentTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    private static readonly byte[] Minutes = "%PDF-1.7\n% proces-verbal de l'assemblee generale ordinaire\n%%EOF\n"u8.ToArray();
    private static string Yesterday => DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("GeneralAssembly")]
    [InlineData("AnnualAccounts")]
    public async Task An_assembly_or_accounts_declared_without_its_document_is_refused_and_changes_nothing(string kind)
    {
        var number = await api.Actors.OrganizationAsync();
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var before = await DeclarationCountAsync(number);
        const string Kept = "SELECT coalesce(last_general_assembly_on::text, '-') || '/' || coalesce(last_accounts_filed_on::text, '-') FROM registry.organizations WHERE registration_number = $1";
        var keptBefore = await api.ScalarAsync<string>(Kept, number);

        var response = await owner.DeclareAsync(number, new { kind, effectiveOn = Yesterday, financialYear = 2025, turnover = 1000 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.NotNull(problem["errors"]!["document"]);
        Assert.Equal(before, await DeclarationCountAsync(number));
        Assert.Equal(keptBefore, await api.ScalarAsync<string>(Kept, number));
    }

    [Fact]
    public async Task The_minutes_are_stored_with_the_declaration_and_downloadable_only_by_the_owner_and_the_region()
    {
        var number = await api.Actors.OrganizationAsync();
        var owner = await api.Actors.ClientAsync(Actor.Owner);

        var response = await owner.DeclareAsync(number, new { kind = "GeneralAssembly", effectiveOn = Yesterday }, Minutes, "pv-ago.pdf");

        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
        var filed = await response.ReadJsonAsync();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Minutes));
        Assert.Equal(sha256, (string)filed["document"]!["sha256"]!);
        Assert.Equal("application/pdf", (string)filed["document"]!["contentType"]!);
        var id = Guid.Parse((string)filed["id"]!);
        Assert.Equal(sha256, await api.ScalarAsync<string>(
            "SELECT encode(sha256(c.content), 'hex') FROM registry.declaration_document_contents c JOIN registry.declarations d ON d.id = c.declaration_id WHERE d.id = $1 AND d.document_sha256 = $2",
            id, sha256));

        var listed = (await (await owner.GetAsync($"/api/v1/organizations/{number}/declarations")).ReadJsonAsync()).AsArray();
        Assert.Contains(listed, d => (string)d!["id"]! == id.ToString() && (string)d["document"]!["fileName"]! == "pv-ago.pdf");

        var path = $"/api/v1/organizations/{number}/declarations/{id}/document";
        var download = await owner.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Minutes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await api.Actors.ClientAsync(Actor.OfficialOfRegion)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.Actors.ClientAsync(Actor.OfficialOfOtherRegion)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.Actors.ClientAsync(Actor.OtherApplicant)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.Actors.ClientAsync(Actor.Analyst)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/organizations/{number}/declarations/{Guid.NewGuid()}/document")).StatusCode);

        var audited = await api.ScalarAsync<string>(
            "SELECT changes::text FROM registry.audit_entries WHERE action = 'organization.declaration-filed' AND changes->>'documentSha256' = $1", sha256);
        Assert.Contains("GeneralAssembly", audited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spoofed_document_is_refused_and_the_declaration_is_not_saved()
    {
        var number = await api.Actors.OrganizationAsync();
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var before = await DeclarationCountAsync(number);
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

        var response = await owner.DeclareAsync(number, new { kind = "GeneralAssembly", effectiveOn = Yesterday }, executable, "pv.pdf");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await DeclarationCountAsync(number));
    }

    [Fact]
    public async Task A_document_over_10_MB_is_refused_with_413_and_nothing_is_saved()
    {
        var number = await api.Actors.OrganizationAsync();
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var before = await DeclarationCountAsync(number);
        var tooLarge = Samples.PdfOfLength((10 * 1024 * 1024) + 1);

        var response = await owner.DeclareAsync(number, new { kind = "AnnualAccounts", effectiveOn = Yesterday, financialYear = 2025, turnover = 1000 }, tooLarge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await DeclarationCountAsync(number));
    }

    [Fact]
    public async Task A_multipart_declaration_without_its_JSON_part_or_with_broken_JSON_is_a_problem_not_a_crash()
    {
        var number = await api.Actors.OrganizationAsync();
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var path = $"/api/v1/organizations/{number}/declarations";

        var withoutJson = await owner.PostAsync(path, new MultipartFormDataContent { { File(), "document", "pv.pdf" } });
        var brokenJson = await owner.PostAsync(path, new MultipartFormDataContent { { new StringContent("{\"kind\": "), "declaration" }, { File(), "document", "pv.pdf" } });
        var plainText = await owner.PostAsync(path, new StringContent("GeneralAssembly"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutJson.StatusCode);
        Assert.NotNull((await withoutJson.ReadJsonAsync())["errors"]!["declaration"]);
        Assert.Equal(HttpStatusCode.BadRequest, brokenJson.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plainText.StatusCode);
        foreach (var response in new[] { withoutJson, brokenJson, plainText })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        static ByteArrayContent File()
        {
            var file = new ByteArrayContent(Minutes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            return file;
        }
    }

    [Fact]
    public async Task A_declaration_that_needs_no_document_is_still_accepted_as_plain_JSON()
    {
        var number = await api.Actors.OrganizationAsync();
        var owner = await api.Actors.ClientAsync(Actor.Owner);

        var response = await owner.PostAsJsonAsync($"/api/v1/organizations/{number}/declarations",
            new { kind = "MemberChange", effectiveOn = Yesterday, joining = new[] { new { kind = "NaturalPerson", fullNameLatin = "Salma Ouazzani", cin = "JB998877", birthDate = "1992-03-04", gender = "Female", nationality = "MA", sharesSubscribed = 10, sharesPaid = 10 } } });

        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
        Assert.Null((await response.ReadJsonAsync())["document"]);
    }

    private Task<long> DeclarationCountAsync(string number) => api.ScalarAsync<long>(
        "SELECT count(*) FROM registry.declarations d JOIN registry.organizations o ON o.id = d.organization_id WHERE o.registration_number = $1", number);
}
