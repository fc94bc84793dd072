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
            .MapIdentityApi<ApplicationUser>();
        return app;
    }
}
