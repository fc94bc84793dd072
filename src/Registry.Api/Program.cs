using System.Diagnostics;
using System.Text.Json.Serialization;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Registry.Api.Endpoints;
using Registry.Api.Errors;
using Registry.Api.OpenApi;
using Registry.Api.Security;
using Registry.Application;
using Registry.Application.Applications.Commands.CreateApplication;
using Registry.Application.Common.Behaviours;
using Registry.Infrastructure;
using Registry.Infrastructure.Persistence;
using Registry.Web.Hosting;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);

// Structured logs; request bodies and personal data are never logged. Each host keeps its own logger and leaves
// Serilog's static one alone: with the static one, the last host built in a process took every host's framework
// logs, and the first host disposed closed it for all of them (tests run several hosts side by side).
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(new RenderedCompactJsonFormatter()), preserveStaticLogger: true);

var maxBodyBytes = RequestLimits.MaxBodyBytes(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = maxBodyBytes;
    kestrel.Limits.MaxRequestLineSize = RequestLimits.MaxRequestLineBytes;
});

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddMediator((Mediator.MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(CreateApplication)];
    options.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(IdempotencyBehaviour<,>), typeof(UnitOfWorkBehaviour<,>)];
});

// Enum values by name only: a number ("legalForm": 1) would silently mean whichever member has that value.
builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
// Errors are problem details whatever Accept says (Accept: text/csv included): see AnyAcceptProblemWriter.
builder.Services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemWriter>();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    ProblemTitles.Localize(context.ProblemDetails, context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode, RequestLanguage.Of(context.HttpContext));
    context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
});
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddAuthorizationBuilder().AddRegistryPolicies();
builder.Services.AddSingleton<IAuthorizationHandler, SecondFactorHandler>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
builder.Services.ConfigureApplicationCookie(cookie =>
{
    // An API answers 401/403; it never redirects to a login page. Pages do (the web front end).
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Strict;
    cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    cookie.LoginPath = "/account/log-in";
    cookie.AccessDeniedPath = "/account";
    cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
    cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);

    static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (WebSetup.IsPage(context.Request.Path))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
});
builder.Services.AddCurrentSessionsOnly();
builder.Services.AddRegistryWeb();
builder.Services.AddRegistryRateLimits();
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddOpenApi(options =>
{
    options.AddDocumentTransformer<SecurityTransformer>();
    options.AddOperationTransformer<SecurityTransformer>();
});

var app = builder.Build();

if (args is ["migrate", ..])
{
    // The deploy step (SPEC §10): migrations are never applied at start-up.
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    Console.WriteLine("Database migrated.");
    return;
}

app.UseTrustedProxies(app.Configuration);
app.UseSecurityHeaders(app.Environment);
app.UseRequestLanguage();
// The request log goes through this host's own logger, not Serilog's static one (see AddSerilog above). Outside the exception handler, so that it logs the status
// the client got (a malformed body is a 400 there, not the 500 of the exception on its way to the handler).
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetService<Serilog.ILogger>());
app.UseExceptionHandler();
app.UseStatusCodePages();
// The pages' status-code re-execution and language first: what the body and address limits refuse on a page address
// is left empty and re-executed as the error page in the page's language; on the API's, it is problem details.
app.UseRegistryWeb();
// A page's exception is handled inside the pages' status-code re-execution: ProblemExceptionHandler leaves the response
// empty with its status, and it is re-executed as the error page (a 500 says only that the request could not be handled).
app.UseWhen(context => WebSetup.IsPage(context.Request.Path), pages => pages.UseExceptionHandler());
app.UseRequestLimits(maxBodyBytes);
app.UseKnownRequestCharsets();
app.UseAuthentication();
app.UseCurrentSessionsOnly();
app.UseAccountLanguage();
// After authentication (a signed-in user's commands count against the user) and before authorization, whose
// refusals write to the audit trail: a flood is turned away before it costs a database write.
app.UseRateLimiter();
app.UseAuthorization();
app.UseQueryEnumsByName();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs", options => options.WithTitle("Registry API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapHangfireDashboard("/ops/hangfire", new DashboardOptions { Authorization = [], AsyncAuthorization = [], DisplayStorageConnectionString = false })
    .RequireAuthorization(Policies.Administrator);

app.MapAuth();
app.MapReference();
app.MapApplications();
app.MapDocuments();
app.MapNameReservations();
app.MapOrganizations();
app.MapCompliance();
app.MapOpenData();
app.MapStatistics();
app.MapAdmin();
app.MapRegistryWeb();

await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
