using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Application.Common.Interfaces;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Web;

/// <summary>The API with an audit trail that fails on every write: a refusal, on a page or the API, is then a 500.</summary>
public sealed class FailingAuditApiFactory : RegistryApiFactory
{
    public const string Secret = "audit store unreachable at 10.0.0.7";

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Scoped<IAccessAudit, FailingAudit>()));

    private sealed class FailingAudit : IAccessAudit
    {
        public Task RecordRefusalAsync(string action, Guid? applicationId, Guid? organizationId, string reason, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}

/// <summary>An unexpected error is the error page on a page address and problem details on the API's; neither says what it was.</summary>
public sealed class PageErrorTests(FailingAuditApiFactory api) : IClassFixture<FailingAuditApiFactory>
{
    [Theory]
    [InlineData("fr", "La demande n'a pas pu être traitée")]
    [InlineData("ar", "تعذرت معالجة الطلب")]
    public async Task An_unexpected_error_on_a_page_is_the_error_page_in_its_language_with_status_500(string language, string title)
    {
        var (_, email) = await api.NewApplicantWithEmailAsync();
        using var pages = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await pages.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email, password = RegistryApiFactory.Password });
        login.EnsureSuccessStatusCode();
        var session = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        pages.DefaultRequestHeaders.Add("Cookie", $"{session}; registry.lang=c={language}-MA|uic={language}-MA");

        // An applicant on the analysts' dashboard: the page records the refusal, and the audit trail fails.
        var response = await pages.GetAsync("/statistics");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{title}</h1>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingAuditApiFactory.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_error_on_the_API_stays_problem_details_with_status_500()
    {
        var applicant = await api.NewApplicantAsync();

        // A refusal by policy is recorded in the audit trail, which fails.
        var response = await applicant.GetAsync("/api/v1/review/applications");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(FailingAuditApiFactory.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
    }
}
