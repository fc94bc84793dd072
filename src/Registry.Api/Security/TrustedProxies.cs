using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Registry.Api.Security;

/// <summary>
/// Behind a reverse proxy the client's address (what the rate limits count) and scheme (HSTS, Secure cookies) come
/// from X-Forwarded-For and X-Forwarded-Proto, but only from the proxies named in
/// <c>Registry:ForwardedHeaders:KnownProxies</c> (addresses) or <c>KnownNetworks</c> (CIDR). With neither, the headers
/// are ignored: anyone can send them, and trusting them would let every request choose its own rate-limit budget.
/// </summary>
internal static class TrustedProxies
{
    public const string SectionName = "Registry:ForwardedHeaders";

    public static bool AreConfigured(IConfiguration configuration) =>
        configuration.GetSection($"{SectionName}:KnownProxies").Get<string[]>() is { Length: > 0 }
        || configuration.GetSection($"{SectionName}:KnownNetworks").Get<string[]>() is { Length: > 0 };

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: not the loopback defaults, and one hop unless configured otherwise.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardLimit = configuration.GetValue($"{SectionName}:ForwardLimit", 1);
            foreach (var proxy in configuration.GetSection($"{SectionName}:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection($"{SectionName}:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration) =>
        AreConfigured(configuration) ? app.UseForwardedHeaders() : app;
}
