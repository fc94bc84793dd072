using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Errors;
using Registry.Application.Common.Interfaces;

namespace Registry.Api.Security;

/// <summary>
/// A signed-in caller refused by a policy (403) is recorded in the audit trail before the answer goes out. A staff
/// member refused only for lack of a second factor is told so, and where to turn it on.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var secondFactorOnly = authorizeResult.AuthorizationFailure is { FailCalled: false } failure
                && failure.FailedRequirements.Any()
                && failure.FailedRequirements.All(r => r is SecondFactorRequirement);
            Guid? applicationId = context.Request.Path.StartsWithSegments("/api/v1/applications")
                && Guid.TryParse(context.GetRouteValue("id")?.ToString(), out var id) ? id : null;
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
            var audit = context.RequestServices.GetRequiredService<IAccessAudit>();
            var reason = secondFactorOnly ? "two-factor authentication not enabled." : "role not allowed.";
            await audit.RecordRefusalAsync("access.forbidden", applicationId, null, $"{context.Request.Method} {endpoint}: {reason}", context.RequestAborted);
            if (secondFactorOnly)
            {
                await WriteSecondFactorRequiredAsync(context);
                return;
            }
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>403 problem details, in the request's language, naming the enrolment endpoint (and the page, for a browser).</summary>
    private static async Task WriteSecondFactorRequiredAsync(HttpContext context)
    {
        var arabic = RequestLanguage.Of(context) == "ar";
        var detail = arabic
            ? $"يجب تفعيل المصادقة الثنائية أولا: احصل على المفتاح المشترك من POST {SecondFactorRequirement.EnrolmentEndpoint}، ثم أرسل {{\"enable\": true, \"twoFactorCode\": \"…\"}} بالرمز الذي يعرضه تطبيق المصادقة، ثم سجّل الدخول من جديد مع twoFactorCode (أو من الصفحة /account/two-factor)."
            : $"L'authentification à deux facteurs doit d'abord être activée : obtenez la clé partagée par POST {SecondFactorRequirement.EnrolmentEndpoint}, puis envoyez {{\"enable\": true, \"twoFactorCode\": \"…\"}} avec le code de votre application d'authentification, et reconnectez-vous avec twoFactorCode (ou depuis la page /account/two-factor).";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = arabic ? "المصادقة الثنائية مطلوبة" : "Authentification à deux facteurs requise",
            Detail = detail,
        };
        problem.Extensions["code"] = "two_factor_required";
        problem.Extensions["enrol"] = SecondFactorRequirement.EnrolmentEndpoint;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
