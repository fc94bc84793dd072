using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Registry.Api.Errors;

/// <summary>
/// Problem titles in the request's language (SPEC §8): the exception handler's, and those ASP.NET Core fills in by
/// itself (status-code pages for 401, 403, 404, 405; <c>TypedResults.Problem</c>), which are its English reason phrases.
/// </summary>
internal static class ProblemTitles
{
    private static readonly Dictionary<int, (string Fr, string Ar)> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = ("Requête invalide", "طلب غير صالح"),
        [StatusCodes.Status401Unauthorized] = ("Authentification requise", "المصادقة مطلوبة"),
        [StatusCodes.Status403Forbidden] = ("Accès refusé", "الوصول مرفوض"),
        [StatusCodes.Status404NotFound] = ("Introuvable", "غير موجود"),
        [StatusCodes.Status405MethodNotAllowed] = ("Méthode non autorisée", "الطريقة غير مسموح بها"),
        [StatusCodes.Status406NotAcceptable] = ("Format de réponse non disponible", "صيغة الرد غير متاحة"),
        [StatusCodes.Status408RequestTimeout] = ("Délai de la requête dépassé", "انتهت مهلة الطلب"),
        [StatusCodes.Status409Conflict] = ("Conflit", "تعارض"),
        [StatusCodes.Status412PreconditionFailed] = ("Condition préalable non remplie", "الشرط المسبق غير مستوفى"),
        [StatusCodes.Status413PayloadTooLarge] = ("Contenu trop volumineux", "المحتوى كبير جدا"),
        [StatusCodes.Status414UriTooLong] = ("Adresse trop longue", "العنوان طويل جدا"),
        [StatusCodes.Status415UnsupportedMediaType] = ("Type de contenu non accepté", "نوع المحتوى غير مقبول"),
        [StatusCodes.Status422UnprocessableEntity] = ("Règle non respectée", "قاعدة غير مستوفاة"),
        [StatusCodes.Status429TooManyRequests] = ("Trop de requêtes", "طلبات كثيرة جدا"),
        [StatusCodes.Status500InternalServerError] = ("Erreur interne", "خطأ داخلي"),
        [StatusCodes.Status503ServiceUnavailable] = ("Service indisponible", "الخدمة غير متاحة"),
    };

    // What ProblemDetailsDefaults writes for a 500 instead of the reason phrase.
    private const string DefaultServerErrorTitle = "An error occurred while processing your request.";

    // What HttpValidationProblemDetails (TypedResults.ValidationProblem: Identity's endpoints) takes for its title.
    private const string DefaultValidationTitle = "One or more validation errors occurred.";

    /// <summary>The detail of a 400 with an <c>errors</c> map.</summary>
    public static string InvalidFields(string language) =>
        language == "ar" ? "حقل واحد أو أكثر غير صالح." : "Un ou plusieurs champs ne sont pas valides.";

    /// <summary>The title of a status in a language ("ar" or "fr"); the English reason phrase for a status without one.</summary>
    public static string For(int status, string language) => Titles.TryGetValue(status, out var title)
        ? language == "ar" ? title.Ar : title.Fr
        : ReasonPhrases.GetReasonPhrase(status);

    /// <summary>Replaces a title ASP.NET Core filled in (its English reason phrase, or a default) by the status's title in the language.</summary>
    public static void Localize(ProblemDetails problem, int status, string language)
    {
        if (problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || problem.Title is DefaultServerErrorTitle or DefaultValidationTitle)
        {
            problem.Title = For(status, language);
        }
    }
}
