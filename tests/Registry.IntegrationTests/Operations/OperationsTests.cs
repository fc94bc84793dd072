using System.Net;
using System.Text.Json.Nodes;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Operations;

public sealed class OperationsTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint_with_its_auth_and_errors()
    {
        var response = await api.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject();
        string[] expected =
        [
            "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/admin/users", "/api/v1/reference/regions",
            "/api/v1/applications", "/api/v1/applications/{id}", "/api/v1/applications/{id}/submit", "/api/v1/applications/{id}/approve",
            "/api/v1/applications/{id}/reject", "/api/v1/applications/{id}/request-changes", "/api/v1/applications/{id}/history",
            "/api/v1/review/applications", "/api/v1/organizations", "/api/v1/organizations/{registrationNumber}",
            "/api/v1/organizations/{registrationNumber}/history",
        ];
        Assert.All(expected, p => Assert.True(paths.ContainsKey(p), $"{p} is missing from the OpenAPI document"));
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);

        var approve = paths["/api/v1/applications/{id}/approve"]!["post"]!;
        Assert.NotNull(approve["security"]);
        Assert.Contains("RegionalOfficial", (string)approve["description"]!, StringComparison.Ordinal);
        foreach (var status in new[] { "400", "401", "403", "404", "409", "422" })
        {
            Assert.NotNull(approve["responses"]![status]);
        }

        // Approval's reason is optional: its body is not required (a rejection's is) and holds the reason.
        Assert.Contains("optionally with a reason", (string)approve["summary"]!, StringComparison.Ordinal);
        Assert.NotEqual(true, (bool?)approve["requestBody"]!["required"]);
        Assert.True((bool?)paths["/api/v1/applications/{id}/reject"]!["post"]!["requestBody"]!["required"]);
        var schema = approve["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var reference = schema["oneOf"] is JsonArray alternatives ? alternatives.Select(a => (string?)a?["$ref"]).Single(r => r is not null) : (string?)schema["$ref"];
        Assert.NotNull(document["components"]!["schemas"]![reference!.Split('/')[^1]]!["properties"]!["reason"]);

        Assert.NotNull(paths["/api/v1/applications/{id}"]!["put"]!["responses"]!["412"]);
        Assert.Null(paths["/api/v1/organizations"]!["get"]!["security"]);
    }

    [Fact]
    public async Task The_interactive_docs_are_served_locally()
    {
        var response = await api.CreateClient().GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("scalar", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_endpoints_report_liveness_and_database_readiness()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_response_carries_security_headers()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/reference/regions");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_idempotency_key_purge_is_a_recurring_job_in_the_Casablanca_time_zone()
    {
        await api.CreateClient().GetAsync("/health/live");
        var timeZone = await api.ScalarAsync<string>(
            "SELECT value FROM hangfire.hash WHERE key = 'recurring-job:maintenance:purge-idempotency-keys' AND field = 'TimeZoneId'");
        Assert.Equal("Africa/Casablanca", timeZone);
    }
}
