using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Registry.Application.Common.Interfaces;

namespace Registry.Api.Security;

/// <summary>A signed-in caller refused by a policy (403) is recorded in the audit trail before the answer goes out.</summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            Guid? applicationId = context.Request.Path.StartsWithSegments("/api/v1/applications")
                && Guid.TryParse(context.GetRouteValue("id")?.ToString(), out var id) ? id : null;
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
            var audit = context.RequestServices.GetRequiredService<IAccessAudit>();
            await audit.RecordRefusalAsync("access.forbidden", applicationId, null, $"{context.Request.Method} {endpoint}: role not allowed.", context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
