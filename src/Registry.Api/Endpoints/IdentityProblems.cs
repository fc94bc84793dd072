using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity.Data;
using Registry.Api.Errors;
using Registry.Domain.Common;

namespace Registry.Api.Endpoints;

/// <summary>
/// Identity's own endpoints answer by the registry's conventions (SPEC §8, README "Errors"). Their 400s key the
/// <c>errors</c> map by Identity's codes (<c>DuplicateEmail</c>, <c>PasswordTooShort</c>): here by the body's field
/// (<c>email</c>, <c>password</c>), as every other 400, with the codes kept in a <c>codes</c> extension for clients that
/// match on them. A refused log-in's detail was Identity's outcome in English (<c>Failed</c>, <c>RequiresTwoFactor</c>):
/// it is a sentence in the request's language, and the outcome is the <c>code</c> extension.
/// </summary>
internal static class IdentityProblems
{
    /// <summary>Identity's outcomes of a refused log-in, as <c>SignInResult.ToString()</c> writes them.</summary>
    public const string Failed = "Failed";
    public const string LockedOut = "LockedOut";
    public const string NotAllowed = "NotAllowed";
    public const string RequiresTwoFactor = "RequiresTwoFactor";

    private static readonly Dictionary<string, LocalizedText> SignInRefusals = new(StringComparer.OrdinalIgnoreCase)
    {
        [Failed] = new("L'adresse e-mail ou le mot de passe est incorrect.", "البريد الإلكتروني أو كلمة المرور غير صحيحة."),
        [LockedOut] = new("Trop de tentatives : le compte est bloqué quelques minutes. Réessayez plus tard.", "محاولات كثيرة: الحساب موقوف لبضع دقائق. حاول لاحقاً."),
        [NotAllowed] = new("Ce compte ne peut pas se connecter pour le moment.", "لا يمكن لهذا الحساب تسجيل الدخول حالياً."),
        [RequiresTwoFactor] = new(
            "Ce compte demande aussi le code de son application d'authentification (twoFactorCode) ou un code de récupération (twoFactorRecoveryCode).",
            "يتطلب هذا الحساب أيضاً رمز تطبيق المصادقة (twoFactorCode) أو رمز استرجاع (twoFactorRecoveryCode)."),
    };

    private static readonly LocalizedText WrongCode = new(
        "L'adresse e-mail, le mot de passe ou le code est incorrect.", "البريد الإلكتروني أو كلمة المرور أو الرمز غير صحيح.");

    /// <summary>The errors Identity's endpoints write themselves, in English; those of its describer are already localised.</summary>
    private static readonly Dictionary<string, LocalizedText> EndpointErrors = new(StringComparer.Ordinal)
    {
        ["OldPasswordRequired"] = new("Saisissez votre mot de passe actuel pour en choisir un nouveau.", "أدخل كلمة المرور الحالية لاختيار كلمة جديدة."),
        ["RequiresTwoFactor"] = new("Saisissez le code de votre application d'authentification.", "أدخل الرمز الذي يعرضه تطبيق المصادقة."),
        ["InvalidTwoFactorCode"] = new(
            "Ce code n'est pas valable. Saisissez le code affiché maintenant par votre application.", "هذا الرمز غير صالح. أدخل الرمز الذي يعرضه التطبيق الآن."),
        ["CannotResetSharedKeyAndEnable"] = new(
            "Une nouvelle clé désactive la double authentification jusqu'à ce qu'un code de cette clé la confirme : ne demandez pas les deux à la fois.",
            "المفتاح الجديد يعطل المصادقة الثنائية إلى أن يؤكدها رمز منه: لا تطلبهما معاً."),
    };

    /// <summary>The endpoint filter of the <c>/api/v1/auth</c> group.</summary>
    public static async ValueTask<object?> ByRegistryConventions(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var route = (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimEnd('/') ?? "";
        var language = RequestLanguage.Of(context.HttpContext);
        return (result is INestedHttpResult nested ? nested.Result : result) switch
        {
            ValidationProblem problem => FieldErrors(problem.ProblemDetails, route, language),
            ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized } problem when route.EndsWith("/login", StringComparison.Ordinal) =>
                SignInRefused(problem.ProblemDetails.Detail ?? Failed, context.Arguments.OfType<LoginRequest>().FirstOrDefault(), language),
            _ => result,
        };
    }

    private static ValidationProblem FieldErrors(HttpValidationProblemDetails problem, string route, string language)
    {
        var errors = problem.Errors
            .SelectMany(e => e.Value.Select(message => (Field: FieldOf(e.Key, route), Message: EndpointErrors.TryGetValue(e.Key, out var text) ? text.In(language) : message)))
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            errors,
            detail: ProblemTitles.InvalidFields(language),
            title: ProblemTitles.For(StatusCodes.Status400BadRequest, language),
            extensions: new Dictionary<string, object?> { ["codes"] = problem.Errors.Keys.ToArray() });
    }

    /// <summary>
    /// The field of the request body an Identity error is about. The user name is the e-mail here. register takes
    /// email and password; resetPassword email, resetCode and newPassword; manage/info newEmail, newPassword and
    /// oldPassword; manage/2fa twoFactorCode and resetSharedKey. An error about no one field is the request's.
    /// </summary>
    private static string FieldOf(string code, string route)
    {
        var manage = route.EndsWith("/manage/info", StringComparison.Ordinal);
        var newPassword = manage || route.EndsWith("/resetPassword", StringComparison.Ordinal);
        return code switch
        {
            "InvalidUserName" or "InvalidEmail" or "DuplicateUserName" or "DuplicateEmail" => manage ? "newEmail" : "email",
            "PasswordTooShort" or "PasswordRequiresUniqueChars" or "PasswordRequiresNonAlphanumeric" or "PasswordRequiresDigit"
                or "PasswordRequiresLower" or "PasswordRequiresUpper" => newPassword ? "newPassword" : "password",
            "PasswordMismatch" or "OldPasswordRequired" => manage ? "oldPassword" : "password",
            "InvalidToken" when route.EndsWith("/resetPassword", StringComparison.Ordinal) => "resetCode",
            "RequiresTwoFactor" or "InvalidTwoFactorCode" => "twoFactorCode",
            "CannotResetSharedKeyAndEnable" => "resetSharedKey",
            _ => "request",
        };
    }

    private static ProblemHttpResult SignInRefused(string outcome, LoginRequest? login, string language)
    {
        var withCode = !string.IsNullOrEmpty(login?.TwoFactorCode) || !string.IsNullOrEmpty(login?.TwoFactorRecoveryCode);
        var detail = outcome.Equals(Failed, StringComparison.OrdinalIgnoreCase) && withCode ? WrongCode
            : SignInRefusals.GetValueOrDefault(outcome, SignInRefusals[Failed]);
        var code = SignInRefusals.Keys.FirstOrDefault(k => k.Equals(outcome, StringComparison.OrdinalIgnoreCase)) ?? Failed;
        return TypedResults.Problem(
            detail: detail.In(language),
            statusCode: StatusCodes.Status401Unauthorized,
            title: ProblemTitles.For(StatusCodes.Status401Unauthorized, language),
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}
