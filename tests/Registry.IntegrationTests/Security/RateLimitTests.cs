using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Security;

/// <summary>
/// The API with small abuse limits. Each request's client address comes from <see cref="ClientAddress.Header"/>
/// (set by the test, as the network would), so that each test counts on addresses of its own.
/// </summary>
public class RateLimitedApiFactory : RegistryApiFactory
{
    public const int LoginLimit = 3;
    public const int SignUpLimit = 2;
    public const int NameReservationLimit = 2;
    public const int SearchLimit = 3;
    public const int OpenDataLimit = 2;
    public const int AuditVerificationLimit = 2;

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Registry:RateLimits:Login:PermitLimit", $"{LoginLimit}");
        builder.UseSetting("Registry:RateLimits:SignUp:PermitLimit", $"{SignUpLimit}");
        builder.UseSetting("Registry:RateLimits:NameReservation:PermitLimit", $"{NameReservationLimit}");
        builder.UseSetting("Registry:RateLimits:Search:PermitLimit", $"{SearchLimit}");
        builder.UseSetting("Registry:RateLimits:OpenData:PermitLimit", $"{OpenDataLimit}");
        builder.UseSetting("Registry:RateLimits:AuditVerification:PermitLimit", $"{AuditVerificationLimit}");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddress>());
    }

    public HttpClient ClientFrom(string address)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }
}

/// <summary>The same, behind a reverse proxy at 10.0.0.1 that the configuration trusts.</summary>
public sealed class ProxiedRateLimitedApiFactory : RateLimitedApiFactory
{
    public const string Proxy = "10.0.0.1";

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        base.ConfigureMore(builder);
        builder.UseSetting("Registry:ForwardedHeaders:KnownProxies:0", Proxy);
    }
}

/// <summary>Plays the network: the connection's remote address is the test's header (192.0.2.1 without it).</summary>
internal sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].FirstOrDefault() ?? "192.0.2.1");
            context.Request.Headers.Remove(Header);
            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class RateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task Log_in_attempts_past_the_limit_get_429_problem_details_with_Retry_After_in_the_requested_language()
    {
        using var client = api.ClientFrom("198.51.100.1");
        for (var attempt = 1; attempt <= RateLimitedApiFactory.LoginLimit; attempt++)
        {
            var refused = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@registry.test", password = $"Wrong-Password-{attempt}" });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = RegistryApiFactory.AdminEmail, password = RegistryApiFactory.Password }),
        };
        request.Headers.AcceptLanguage.ParseAdd("ar");
        var throttled = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var problem = await throttled.ReadJsonAsync();
        Assert.Equal(429, (int)problem["status"]!);
        Assert.NotNull(problem["traceId"]);
        Assert.Contains("أعد المحاولة", (string)problem["detail"]!, StringComparison.Ordinal);

        // Another client is not held back by this one.
        using var other = api.ClientFrom("198.51.100.2");
        // The administrator signs in with a second factor (enrolled here if no other test of the class did it first).
        var key = await api.EnrolSecondFactorAsync(RegistryApiFactory.AdminEmail);
        var allowed = await other.PostAsJsonAsync("/api/v1/auth/login",
            new { email = RegistryApiFactory.AdminEmail, password = RegistryApiFactory.Password, twoFactorCode = TestTotp.Code(key!) });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Sign_up_past_the_limit_is_429_in_French_by_default()
    {
        using var client = api.ClientFrom("198.51.100.3");
        for (var i = 0; i < RateLimitedApiFactory.SignUpLimit; i++)
        {
            var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"signup-{Guid.NewGuid():N}@registry.test", password = RegistryApiFactory.Password });
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        var email = $"signup-{Guid.NewGuid():N}@registry.test";
        var throttled = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = RegistryApiFactory.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        Assert.Contains("Réessayez", (string)(await throttled.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM identity.users WHERE email = $1", email));
    }

    [Theory]
    [InlineData("/account/log-in", RateLimitedApiFactory.LoginLimit, "fr", "Trop de demandes")]
    [InlineData("/account/sign-up", RateLimitedApiFactory.SignUpLimit, "ar", "طلبات كثيرة جداً")]
    public async Task A_page_posted_past_the_limit_answers_a_429_page_in_the_chosen_language(string path, int limit, string language, string title)
    {
        using var client = api.ClientFrom(path.EndsWith("in", StringComparison.Ordinal) ? "198.51.100.4" : "198.51.100.5");
        client.DefaultRequestHeaders.Add("Cookie", $"registry.lang=c={language}-MA|uic={language}-MA");
        for (var i = 0; i < limit + 3; i++)
        {
            // Reading the form is free: only posts count.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }

        for (var i = 0; i < limit; i++)
        {
            // Without the anti-forgery token: refused by the page, but counted.
            var refused = await client.PostAsync(path, new FormUrlEncodedContent([new("email", "x@registry.test"), new("password", "y")]));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var throttled = await client.PostAsync(path, new FormUrlEncodedContent([new("email", "x@registry.test"), new("password", "y")]));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", throttled.Content.Headers.ContentType?.MediaType);
        var html = await throttled.Content.ReadAsStringAsync();
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_search_counts_the_API_and_the_search_page_together()
    {
        using var client = api.ClientFrom("198.51.100.6");
        for (var i = 0; i < RateLimitedApiFactory.SearchLimit - 1; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/organizations?q=argan")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organisations?q=argan")).StatusCode);

        var api429 = await client.GetAsync("/api/v1/organizations?q=argan");
        Assert.Equal(HttpStatusCode.TooManyRequests, api429.StatusCode);
        Assert.Equal("application/problem+json", api429.Content.Headers.ContentType?.MediaType);
        var page429 = await client.GetAsync("/organisations?q=argan");
        Assert.Equal(HttpStatusCode.TooManyRequests, page429.StatusCode);
        Assert.Contains("طلبات كثيرة جداً", await page429.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Looking up one organisation is not a search.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/organizations/COOP-06-1999-000001")).StatusCode);
    }

    [Fact]
    public async Task Open_data_downloads_past_the_limit_are_429()
    {
        using var client = api.ClientFrom("198.51.100.7");
        for (var i = 0; i < RateLimitedApiFactory.OpenDataLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/open-data")).StatusCode);
        }

        var throttled = await client.GetAsync("/api/v1/open-data/organizations.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Audit_verifications_past_the_limit_are_429_per_administrator()
    {
        using var admin = api.ClientFrom("198.51.100.9");
        var key = await api.EnrolSecondFactorAsync(RegistryApiFactory.AdminEmail);
        var login = await admin.PostAsJsonAsync("/api/v1/auth/login",
            new { email = RegistryApiFactory.AdminEmail, password = RegistryApiFactory.Password, twoFactorCode = TestTotp.Code(key!) });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = await login.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token!.AccessToken);
        for (var i = 0; i < RateLimitedApiFactory.AuditVerificationLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/admin/audit/verify")).StatusCode);
        }

        var throttled = await admin.GetAsync("/api/v1/admin/audit/verify");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Name_reservations_count_per_applicant_not_per_address()
    {
        // Both applicants sign up and sign in from 192.0.2.1 (the default address), and reserve from one shared address.
        var first = await api.NewApplicantAsync();
        var second = await api.NewApplicantAsync();
        first.DefaultRequestHeaders.Add(ClientAddress.Header, "198.51.100.8");
        second.DefaultRequestHeaders.Add(ClientAddress.Header, "198.51.100.8");

        for (var i = 0; i < RateLimitedApiFactory.NameReservationLimit; i++)
        {
            var reserved = await first.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = $"Cooperative Limite {Guid.NewGuid():N}" });
            Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        }

        var throttled = await first.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = $"Cooperative Limite {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/name-reservations")).StatusCode);

        var other = await second.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = $"Cooperative Limite {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_For_is_not_trusted_unless_a_proxy_is_configured()
    {
        using var client = api.ClientFrom("198.51.100.9");
        for (var attempt = 0; attempt < RateLimitedApiFactory.SearchLimit; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{attempt + 1}");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.200");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(spoofed)).StatusCode);
    }

    [Fact]
    public void Every_limited_page_and_endpoint_names_its_policy()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        string? PolicyOf(Func<Endpoint, bool> match) => endpoints.Single(match).Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        string? PageOf(string viewEnginePath) =>
            PolicyOf(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == viewEnginePath);
        string? RouteOf(string pattern, string method) =>
            PolicyOf(e => e is RouteEndpoint r && r.RoutePattern.RawText?.TrimEnd('/') == pattern
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method) == true);

        Assert.Equal("Login", PageOf("/Account/LogIn"));
        Assert.Equal("Login", PageOf("/Account/LogInCode"));
        Assert.Equal("SignUp", PageOf("/Account/SignUp"));
        Assert.Equal("NameReservation", PageOf("/Apply/Name"));
        Assert.Equal("Search", PageOf("/Organisations/Index"));
        Assert.Equal("Login", RouteOf("/api/v1/auth/login", "POST"));
        Assert.Equal("SignUp", RouteOf("/api/v1/auth/register", "POST"));
        Assert.Equal("NameReservation", RouteOf("/api/v1/name-reservations", "POST"));
        Assert.Null(RouteOf("/api/v1/name-reservations", "GET"));
        Assert.Equal("Search", RouteOf("/api/v1/organizations", "GET"));
        Assert.Equal("OpenData", RouteOf("/api/v1/open-data/organizations.{format}", "GET"));
    }
}

public sealed class ForwardedRateLimitTests(ProxiedRateLimitedApiFactory api) : IClassFixture<ProxiedRateLimitedApiFactory>
{
    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_budget()
    {
        using var viaProxy = api.ClientFrom(ProxiedRateLimitedApiFactory.Proxy);
        for (var client = 1; client <= RateLimitedApiFactory.SearchLimit + 2; client++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{client}");
            Assert.Equal(HttpStatusCode.OK, (await viaProxy.SendAsync(request)).StatusCode);
        }

        // One forwarded client past its limit is refused.
        HttpStatusCode last = default;
        for (var attempt = 0; attempt <= RateLimitedApiFactory.SearchLimit; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
            request.Headers.Add("X-Forwarded-For", "203.0.113.100");
            last = (await viaProxy.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);

        // A client that is not the proxy cannot choose its address.
        using var direct = api.ClientFrom("198.51.100.20");
        for (var attempt = 0; attempt < RateLimitedApiFactory.SearchLimit; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{150 + attempt}");
            Assert.Equal(HttpStatusCode.OK, (await direct.SendAsync(request)).StatusCode);
        }

        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.199");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await direct.SendAsync(spoofed)).StatusCode);
    }
}
