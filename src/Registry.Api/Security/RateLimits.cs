using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Registry.Api.Errors;
using Registry.Web.Hosting;

namespace Registry.Api.Security;

/// <summary>One limit: so many requests per window for one client (an address, or a signed-in user).</summary>
internal sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// Abuse limits (issue 7): log-in, sign-up, name reservation, public search, open data and audit verification, for the API and the
/// pages alike, so that one client cannot guess passwords, make accounts, squat names or scrape the register at
/// will. A fixed window per client; the limits are in <c>Registry:RateLimits</c>. A refusal is 429 with
/// <c>Retry-After</c>: problem details in the request's language for the API, the error page in the page's
/// language for the pages.
/// </summary>
internal static class RateLimits
{
    public const string SectionName = "Registry:RateLimits";

    public const string Login = "Login";
    public const string SignUp = "SignUp";
    public const string NameReservation = "NameReservation";
    public const string Search = "Search";
    public const string OpenData = "OpenData";
    public const string AuditVerification = "AuditVerification";

    /// <summary>The policies, and whether each one counts only commands (the pages' GET of the same form is free) and per user.</summary>
    private static readonly (string Name, bool CommandsOnly, bool PerUser, RateLimit Default)[] Policies =
    [
        (Login, true, false, new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }),
        (SignUp, true, false, new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) }),
        (NameReservation, true, true, new() { PermitLimit = 20, Window = TimeSpan.FromHours(1) }),
        (Search, false, false, new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) }),
        (OpenData, false, false, new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) }),
        // A whole-trail verification reads every audit entry (about 10 s at a million): a few per administrator.
        (AuditVerification, false, true, new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) }),
    ];

    /// <summary>The pages each policy guards (their POST for commands, every request for search).</summary>
    private static readonly (string Page, string Policy)[] Pages =
    [
        ("/Account/LogIn", Login),
        // The code step: guessing a second factor is guessing a password (the lockout counts its failures too).
        ("/Account/LogInCode", Login),
        ("/Account/SignUp", SignUp),
        ("/Apply/Name", NameReservation),
        ("/Organisations/Index", Search),
    ];

    /// <summary>The metadata <see cref="WithRateLimit"/> adds, for endpoints mapped by someone else (Identity's).</summary>
    public static void AddTo(EndpointBuilder endpoint, string policy)
    {
        endpoint.Metadata.Add(new EnableRateLimitingAttribute(policy));
        endpoint.Metadata.Add(TooManyRequests);
    }

    public static IServiceCollection AddRegistryRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RefuseAsync;
            foreach (var (name, commandsOnly, perUser, fallback) in Policies)
            {
                var limit = configuration.GetSection($"{SectionName}:{name}").Get<RateLimit>() ?? fallback;
                if (limit.PermitLimit <= 0 || limit.Window <= TimeSpan.Zero)
                {
                    throw new InvalidOperationException($"{SectionName}:{name} needs a positive PermitLimit and Window.");
                }

                options.AddPolicy(name, context => Partition(context, limit, commandsOnly, perUser));
            }
        });
        services.Configure<RazorPagesOptions>(options =>
        {
            foreach (var (page, policy) in Pages)
            {
                options.Conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy)));
            }
        });
        return services;
    }

    /// <summary>Puts an endpoint under a policy, and says so in the OpenAPI document (429 problem details).</summary>
    public static TBuilder WithRateLimit<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(policy).WithMetadata(TooManyRequests);

    private static readonly ProducesResponseTypeMetadata TooManyRequests =
        new(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]);

    /// <summary>The client a request counts against: the signed-in user for a per-user policy, otherwise its address.</summary>
    public static string ClientOf(HttpContext context, bool perUser) =>
        perUser && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } user
            ? "user:" + user
            : "ip:" + AddressKey(context.Connection.RemoteIpAddress);

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimit limit, bool commandsOnly, bool perUser)
    {
        if (commandsOnly && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        return RateLimitPartition.GetFixedWindowLimiter(ClientOf(context, perUser), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// An IPv4 address as itself; an IPv6 address by its /64, which one subscriber usually holds whole (counting each
    /// of its addresses apart would give one client billions of budgets).
    /// </summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (WebSetup.IsPage(context.Request.Path))
        {
            // Left empty: re-executed as the error page, in the page's language (UseRegistryWeb).
            return;
        }

        var arabic = RequestLanguage.Of(context) == "ar";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = ProblemTitles.For(StatusCodes.Status429TooManyRequests, arabic ? "ar" : "fr"),
            Detail = arabic
                ? $"طلبات كثيرة جدا في وقت قصير. أعد المحاولة بعد {seconds} ثانية."
                : $"Trop de requêtes en peu de temps. Réessayez dans {seconds} secondes.",
        };
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
