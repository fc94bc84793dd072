using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Registry.Api.Errors;
using Registry.Infrastructure.Identity;

namespace Registry.Api.Security;

/// <summary>
/// Tokens and cookies that no longer stand for their account are refused (see <see cref="Sessions"/>): after a
/// log-out, a password or two-factor change, new regions for an official, or a refresh token presented twice.
/// </summary>
public static partial class CurrentSessions
{
    /// <summary>
    /// Cookies: checked by the cookie handler itself, on every request (Identity's own stamp validator looks only
    /// every 30 minutes), so pages that name the cookie scheme are covered too. A stale cookie is rejected and removed;
    /// Identity's validator still runs after a cookie that passed.
    /// </summary>
    public static IServiceCollection AddCurrentSessionsOnly(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
        {
            var identityValidator = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal is null
                    || !await context.HttpContext.RequestServices.GetRequiredService<Sessions>().IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await identityValidator(context);
            };
        });

    /// <summary>
    /// Bearer tokens (whose handler has no validation event): after authentication, a request whose token carries a
    /// security stamp that is not its account's current one goes on as anonymous, so a protected endpoint answers 401.
    /// </summary>
    public static IApplicationBuilder UseCurrentSessionsOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.ContainsKey(HeaderNames.Authorization)
            && context.User.Identity?.IsAuthenticated == true
            && !await context.RequestServices.GetRequiredService<Sessions>().IsCurrentAsync(context.User, context.RequestAborted))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    });

    /// <summary>
    /// Refresh tokens are single-use. Identity's own <c>/refresh</c> accepts a refresh token as often as it is
    /// presented until it expires (fourteen days); here the first exchange is recorded, and a second one is
    /// refused and ends every session of the account — whoever holds the copy, thief or owner, must log in again.
    /// </summary>
    public static async ValueTask<object?> SingleUseRefreshTokens(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<RefreshRequest>().FirstOrDefault() is not { RefreshToken: { Length: > 0 } refreshToken })
        {
            return await next(context);
        }

        var http = context.HttpContext;
        var protector = http.RequestServices.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expiresAt
            || !Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return await next(context); // not a refresh token of ours, or expired: Identity refuses it
        }

        var sessions = http.RequestServices.GetRequiredService<Sessions>();
        if (await sessions.TryUseRefreshTokenAsync(refreshToken, userId, expiresAt, http.RequestAborted))
        {
            return await next(context);
        }

        await sessions.EndAllAsync(userId, CancellationToken.None);
        LogReused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CurrentSessions)), userId);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            detail: RequestLanguage.Of(http) == "ar"
                ? "سبق استعمال رمز التحديث هذا. أُنهيت كل جلسات الحساب؛ سجّل الدخول من جديد."
                : "Ce jeton de rafraîchissement a déjà été utilisé. Toutes les sessions du compte ont été fermées ; reconnectez-vous.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A refresh token of account {UserId} was presented a second time; every session of the account was ended")]
    private static partial void LogReused(ILogger logger, Guid userId);
}
