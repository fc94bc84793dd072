using System.Text.RegularExpressions;

namespace Registry.Api.Errors;

/// <summary>The query string's and route's parameters that could not be bound, named as the client wrote them.</summary>
internal sealed partial class ProblemExceptionHandler
{
    /// <summary>
    /// A parameter of the query string or route that the binding refused (<c>limit=abc</c>, <c>submittedSince=10/01/2026</c>,
    /// a required <c>from</c> left out), keyed by its name as a body's field is by its path. Only the name is taken from
    /// the framework's message, never the value it quotes. Null when the message is neither of those.
    /// </summary>
    private static Dictionary<string, string[]>? ParameterErrors(BadHttpRequestException exception, string language)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return null;
        }

        if (UnreadableParameter().Match(exception.Message) is { Success: true } unreadable)
        {
            return new() { [unreadable.Groups["name"].Value] = [Text(language,
                "Cette valeur n'est pas lisible : vérifiez son type (nombre, date AAAA-MM-JJ, identifiant).",
                "تعذرت قراءة هذه القيمة: تحقق من نوعها (رقم، تاريخ YYYY-MM-DD، معرّف).")] };
        }

        return MissingParameter().Match(exception.Message) is { Success: true } missing
            ? new() { [missing.Groups["name"].Value] = [Text(language, "Ce champ est obligatoire.", "هذا الحقل إلزامي.")] }
            : null;
    }

    /// <summary>ASP.NET Core's "Failed to bind parameter "DateOnly from" from "yesterday"."</summary>
    [GeneratedRegex("""^Failed to bind parameter "[^"]{1,200} (?<name>[A-Za-z_][A-Za-z0-9_]{0,60})" from "[^\n]*"\.$""")]
    private static partial Regex UnreadableParameter();

    /// <summary>ASP.NET Core's "Required parameter "DateOnly from" was not provided from query string." (or route).</summary>
    [GeneratedRegex("""^Required parameter "[^"]{1,200} (?<name>[A-Za-z_][A-Za-z0-9_]{0,60})" was not provided from (?:query string|route)\.$""")]
    private static partial Regex MissingParameter();
}
