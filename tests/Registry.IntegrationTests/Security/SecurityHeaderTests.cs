using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Hosting;

namespace Registry.IntegrationTests.Security;

/// <summary>Every kind of response carries the security headers: API, problems, pages, error pages, assets, docs, health.</summary>
public sealed class SecurityHeaderTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    public static TheoryData<string, string, HttpStatusCode> Responses => new()
    {
        { "GET", "/api/v1/reference/regions", HttpStatusCode.OK },
        { "GET", "/api/v1/organizations?q=argan", HttpStatusCode.OK },
        { "GET", "/api/v1/organizations/COOP-06-1999-000001", HttpStatusCode.NotFound },
        { "GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound },
        { "GET", "/api/v1/review/applications", HttpStatusCode.Unauthorized },
        { "DELETE", "/api/v1/organizations", HttpStatusCode.MethodNotAllowed },
        { "POST", "/api/v1/auth/login", HttpStatusCode.BadRequest },
        { "GET", "/organisations", HttpStatusCode.OK },
        { "GET", "/no-such-page", HttpStatusCode.NotFound },
        { "POST", "/account/log-in", HttpStatusCode.BadRequest },
        { "GET", Stylesheet.Path, HttpStatusCode.OK },
        { "GET", "/docs", HttpStatusCode.Found },
        { "GET", "/docs/", HttpStatusCode.OK },
        { "GET", "/openapi/v1.json", HttpStatusCode.OK },
        { "GET", "/health/live", HttpStatusCode.OK },
        { "GET", "/ops/hangfire", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task The_response_carries_every_security_header(string method, string path, HttpStatusCode status)
    {
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://registry.example"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("", System.Text.Encoding.UTF8, path.StartsWith("/api", StringComparison.Ordinal) ? "application/json" : "application/x-www-form-urlencoded");
        }

        var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        if (path.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", policy);
        }
        else if (WebSetup.IsPage(new Microsoft.AspNetCore.Http.PathString(path)))
        {
            // The pages' own policy, not weakened.
            Assert.Equal(WebSetup.ContentSecurityPolicy, policy);
        }
    }

    [Fact]
    public async Task HSTS_goes_out_only_over_HTTPS()
    {
        var response = await api.CreateClient().GetAsync("/organisations");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
