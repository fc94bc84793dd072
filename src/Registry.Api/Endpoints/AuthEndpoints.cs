using System.Security.Claims;
using Registry.Api.Security;
using Registry.Infrastructure.Identity;

namespace Registry.Api.Endpoints;

public static class AuthEndpoints
{
    /// <summary>
    /// Identity's own API endpoints: register (applicants), login and refresh (bearer tokens; cookies with
    /// <c>?useCookies=true</c>, which the job dashboard needs), and account management.
    /// </summary>
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/auth")
            .WithTags("Accounts")
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (ArgumentNullException)
                {
                    // Identity's endpoints throw on a null body or a missing e-mail or password: that is the caller's 400.
                    throw new BadHttpRequestException("The e-mail and password are required.", StatusCodes.Status400BadRequest);
                }
            })
            .AddEndpointFilter(CurrentSessions.SingleUseRefreshTokens)
            .AddEndpointFilter(IdentityProblems.ByRegistryConventions)
            .MapIdentityApi<ApplicationUser>()
            .Add(endpoint =>
            {
                // Identity maps its endpoints itself: the limits go on by route. Guessing a reset code is guessing a password.
                var route = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText?.TrimEnd('/') ?? "";
                var policy = route.EndsWith("/register", StringComparison.Ordinal) ? RateLimits.SignUp
                    : route.EndsWith("/login", StringComparison.Ordinal) || route.EndsWith("/forgotPassword", StringComparison.Ordinal)
                        || route.EndsWith("/resetPassword", StringComparison.Ordinal) || route.EndsWith("/resendConfirmationEmail", StringComparison.Ordinal)
                        ? RateLimits.Login
                        : null;
                if (policy is not null)
                {
                    RateLimits.AddTo(endpoint, policy);
                }
            });

        app.MapPost("/api/v1/auth/logout", async (ClaimsPrincipal user, Sessions sessions) =>
            {
                await sessions.EndAllAsync(Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), CancellationToken.None);
                return TypedResults.NoContent();
            })
            .WithTags("Accounts")
            .WithSummary("Ends every session of the signed-in account: its access and refresh tokens and cookies, on every device.")
            .RequireAuthorization();
        return app;
    }
}
