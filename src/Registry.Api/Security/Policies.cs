using Microsoft.AspNetCore.Authorization;
using Registry.Application.Common.Security;

namespace Registry.Api.Security;

/// <summary>
/// Who may call what. Regional scoping is not a policy: it is in each query. Every policy that lets an official or an
/// administrator in also asks for their second factor (<see cref="SecondFactorRequirement"/>); the applicant's does
/// not need to (staff are refused by role there), and a ministry analyst passes the Analyst policy without one.
/// </summary>
public static class Policies
{
    public const string Applicant = nameof(Applicant);
    public const string RegionalOfficial = nameof(RegionalOfficial);
    public const string ApplicantOrOfficial = nameof(ApplicantOrOfficial);
    public const string Analyst = nameof(Analyst);
    public const string Administrator = nameof(Administrator);

    public static AuthorizationBuilder AddRegistryPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Applicant, p => p.RequireRole(Roles.Applicant))
        .AddPolicy(RegionalOfficial, p => p.RequireRole(Roles.RegionalOfficial).AddRequirements(SecondFactorRequirement.Instance))
        .AddPolicy(ApplicantOrOfficial, p => p.RequireRole(Roles.Applicant, Roles.RegionalOfficial).AddRequirements(SecondFactorRequirement.Instance))
        .AddPolicy(Analyst, p => p.RequireRole(Roles.MinistryAnalyst, Roles.Administrator).AddRequirements(SecondFactorRequirement.Instance))
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator).AddRequirements(SecondFactorRequirement.Instance));
}
