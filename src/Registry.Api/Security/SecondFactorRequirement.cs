using Microsoft.AspNetCore.Authorization;
using Registry.Application.Common.Security;

namespace Registry.Api.Security;

/// <summary>
/// A regional official or an administrator is served only when their sign-in was a two-factor one (issue 7): their
/// token or cookie carries <see cref="RegistryClaims.SecondFactor"/>. Other roles pass (an applicant, a ministry
/// analyst). Without it they may still sign in and enrol through Identity's <c>/api/v1/auth/manage/2fa</c>.
/// </summary>
public sealed class SecondFactorRequirement : IAuthorizationRequirement
{
    public static readonly SecondFactorRequirement Instance = new();

    /// <summary>Where a staff member turns two-factor authentication on, named in refusals.</summary>
    public const string EnrolmentEndpoint = "/api/v1/auth/manage/2fa";
}

internal sealed class SecondFactorHandler : AuthorizationHandler<SecondFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (!SecondFactor.IsMissing(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
