using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Common;

using Registry.Api.Security;

namespace Registry.Api.Errors;

/// <summary>
/// Every error leaves through here as RFC 9457 problem details. The tiers of "no": shape → 400, the law → 422 with
/// rule codes, an action the resource's current state does not allow (SPEC §3), uniqueness and concurrency → 409.
/// A 500 never carries exception text. On a page address the same status is answered with the error page instead, in
/// the page's language: the response is left empty, and the pages' status-code re-execution renders it (the pages have
/// their own exception handler inside it, see Program.cs).
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        var problem = exception switch
        {
            ValidationException e => Validation(e, language),
            BadHttpRequestException e => BadRequest(e.StatusCode, null, language, JsonFieldErrors(e, language) ?? ParameterErrors(e, language)),
            MalformedRequestException e => BadRequest(StatusCodes.Status400BadRequest, e.Message, language),
            InvalidStateException e => State(e, language),
            RuleViolationException e => Rules(e, language),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, language, e.Detail.In(language)),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, language, e.Message),
            UnauthorizedAccessException => Problem(StatusCodes.Status401Unauthorized, language,
                Text(language, "Connectez-vous pour faire ceci.", "سجّل الدخول للقيام بذلك.")),
            UnsupportedContentException e => Problem(StatusCodes.Status415UnsupportedMediaType, language, e.Message),
            ContentTooLargeException e => Problem(StatusCodes.Status413PayloadTooLarge, language, e.Message),
            ConflictException e => Problem(StatusCodes.Status409Conflict, language, e.Message),
            PreconditionFailedException e => Problem(StatusCodes.Status412PreconditionFailed, language, e.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, language, Text(language,
                "La ressource a été modifiée par quelqu'un d'autre au même moment ; relisez-la et réessayez.",
                "عدّل شخص آخر المورد في الوقت نفسه؛ أعد قراءته ثم أعد المحاولة.")),
            // The constraint's name is the schema's, not the caller's business: it stays in the database's log.
            _ when Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } =>
                Problem(StatusCodes.Status409Conflict, language, Text(language,
                    "Cela existe déjà : une autre requête l'a peut-être enregistré au même moment. Relisez la ressource avant de réessayer.",
                    "هذا موجود من قبل: ربما سجله طلب آخر في الوقت نفسه. أعد قراءة المورد قبل إعادة المحاولة.")),
            _ when Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.DatetimeFieldOverflow } =>
                Problem(StatusCodes.Status400BadRequest, language, Text(language,
                    "Un nombre ou une date sort des limites que le registre accepte.",
                    "رقم أو تاريخ خارج الحدود التي يقبلها السجل.")),
            _ when Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.StringDataRightTruncation } =>
                Problem(StatusCodes.Status400BadRequest, language, Text(language,
                    "Une valeur est plus longue que ce que le registre accepte.",
                    "قيمة أطول مما يقبله السجل.")),
            _ when Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } =>
                Problem(StatusCodes.Status400BadRequest, language, Text(language,
                    "La requête contient des caractères qui ne peuvent pas être enregistrés.",
                    "يتضمن الطلب أحرفا لا يمكن حفظها.")),
            _ when Find<NpgsqlException>(exception) is { IsTransient: true } || Find<TimeoutException>(exception) is not null || DatabaseConnectionBroke(context) =>
                Problem(StatusCodes.Status503ServiceUnavailable, language, Text(language,
                    "La base de données est indisponible ; réessayez dans un instant.",
                    "قاعدة البيانات غير متاحة؛ أعد المحاولة بعد قليل.")),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };

        if (problem is null)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
            LogUnexpected(logger, exception.GetType().FullName ?? "Exception", context.Request.Method, path, exception.StackTrace ?? "");
            problem = Problem(StatusCodes.Status500InternalServerError, language, Text(language,
                "Une erreur inattendue s'est produite. Elle a été consignée.", "حدث خطأ غير متوقع. وقد سُجّل."));
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.StatusCode = problem.Status!.Value;
        if (Registry.Web.Hosting.WebSetup.IsPage(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { Enabled: true })
        {
            return true;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The request's database connection broke under it (the server crashed or restarted): whatever the code above
    /// made of that (on the primary or the read replica) — Npgsql's own exception, or "transaction already completed" from the next statement — the
    /// honest answer is 503, retry shortly. Nothing was committed: a command commits last, in one transaction.
    /// </summary>
    private static bool DatabaseConnectionBroke(HttpContext context) =>
        Broken(context.RequestServices.GetService<IRegistryDbContext>()?.Database)
        || Broken(context.RequestServices.GetService<IRegistryReadDbContext>()?.Database);

    /// <summary>Whether a context's connection (the primary's, or the read replica's) broke.</summary>
    private static bool Broken(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade? database) =>
        database?.GetDbConnection() is NpgsqlConnection connection && connection.FullState.HasFlag(System.Data.ConnectionState.Broken);

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static ProblemDetails Problem(int status, string language, string detail) =>
        new() { Status = status, Title = ProblemTitles.For(status, language), Detail = detail };

    private static string Text(string language, string fr, string ar) => language == "ar" ? ar : fr;

    private static HttpValidationProblemDetails Validation(ValidationException exception, string language)
    {
        var errors = exception.Errors
            .GroupBy(e => BodyPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ProblemTitles.For(StatusCodes.Status400BadRequest, language),
            Detail = ProblemTitles.InvalidFields(language),
        };
    }

    /// <summary>
    /// A request that could not be read. The framework's own messages are English and may quote the input: they are
    /// never passed on; <paramref name="message"/> is one of the registry's, already in the request's language.
    /// </summary>
    private static HttpValidationProblemDetails BadRequest(int status, string? message, string language, Dictionary<string, string[]>? fieldErrors = null)
    {
        var arabic = language == "ar";
        var detail = message ?? status switch
        {
            StatusCodes.Status413PayloadTooLarge => arabic ? "حجم الطلب كبير جدا." : "Le corps de la requête est trop volumineux.",
            StatusCodes.Status414UriTooLong => arabic
                ? $"يتجاوز عنوان الطلب {RequestLimits.MaxTargetLength} حرف؛ اختصر معاملات الاستعلام."
                : $"L'adresse de la requête dépasse {RequestLimits.MaxTargetLength} caractères ; raccourcissez ses paramètres.",
            StatusCodes.Status415UnsupportedMediaType => arabic ? "أرسل الطلب بصيغة application/json." : "Envoyez le corps en application/json.",
            _ => arabic
                ? "تعذرت قراءة الطلب: تحقق من محتوى JSON والمسار ومعاملات الاستعلام."
                : "La requête n'a pas pu être lue : vérifiez le corps JSON, la route et les paramètres de la requête.",
        };
        var problem = new HttpValidationProblemDetails(fieldErrors is { Count: > 0 } ? fieldErrors : new Dictionary<string, string[]> { ["request"] = [detail] })
        {
            Status = status,
            Title = ProblemTitles.For(status, language),
            Detail = detail,
        };
        return problem;
    }

    /// <summary>
    /// The fields of a JSON body that could not be read, named as in the JSON ("legalForm", "members[0].kind"): a value
    /// of the wrong type or not among an enumeration's names, or a required field left out. Only the field's path is
    /// taken from the serializer's exception, never its message's quote of the input. Null when the body was not JSON.
    /// </summary>
    private static Dictionary<string, string[]>? JsonFieldErrors(BadHttpRequestException exception, string language)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest || Find<System.Text.Json.JsonException>(exception) is not { } json)
        {
            return null;
        }

        var path = json.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
        var missing = MissingRequired().Match(json.Message);
        if (missing.Success)
        {
            var required = Text(language, "Ce champ est obligatoire.", "هذا الحقل إلزامي.");
            return missing.Groups["name"].Captures
                .Select(c => path.Length == 0 ? c.Value : $"{path}.{c.Value}")
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(name => name, _ => new[] { required });
        }

        return path.Length == 0 || path.Length > 200
            ? null
            : new Dictionary<string, string[]>
            {
                [path] = [Text(language,
                    "Cette valeur n'est pas lisible : vérifiez son type (texte, nombre, date AAAA-MM-JJ, liste) et, pour une valeur à choisir, son nom exact.",
                    "تعذرت قراءة هذه القيمة: تحقق من نوعها (نص، رقم، تاريخ YYYY-MM-DD، قائمة)، ومن اسمها الدقيق إن كانت قيمة يختار منها.")],
            };
    }

    /// <summary>System.Text.Json's "missing required properties including: 'a', 'b'."</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"missing required properties including: (?:'(?<name>[A-Za-z0-9_]{1,60})'(?:, )?)+")]
    private static partial System.Text.RegularExpressions.Regex MissingRequired();

    private static ProblemDetails Rules(RuleViolationException exception, string language)
    {
        var problem = Problem(StatusCodes.Status422UnprocessableEntity, language,
            language == "ar" ? "لا يستوفي الطلب قاعدة أو أكثر." : "La demande ne respecte pas une ou plusieurs règles.");
        problem.Extensions["rules"] = exception.Rules
            .Select(r => new { code = r.Code, article = r.Article.In(language), message = r.Message.In(language) })
            .ToArray();
        return problem;
    }

    /// <summary>
    /// 409: the action conflicts with the current state (approving a rejected application, suspending a struck-off
    /// organisation). The detail says which state and action; <c>code</c> and <c>rules</c> carry the stable code
    /// (APPLICATION_STATE, ORGANIZATION_STATE) as a 422 would.
    /// </summary>
    private static ProblemDetails State(InvalidStateException exception, string language)
    {
        var rule = exception.Rules[0];
        var problem = Problem(StatusCodes.Status409Conflict, language, rule.Message.In(language));
        problem.Extensions["code"] = rule.Code;
        problem.Extensions["rules"] = new[] { new { code = rule.Code, article = rule.Article.In(language), message = rule.Message.In(language) } };
        return problem;
    }

    /// <summary>
    /// A failing property as the client wrote it: the path in the JSON body ("members[0].cin"), without the command's
    /// "Input." that wraps the body, so that a field has one key whether the serializer or a validator refused it.
    /// </summary>
    private static string BodyPath(string propertyName) =>
        ToCamelCase(propertyName.StartsWith("Input.", StringComparison.OrdinalIgnoreCase) ? propertyName["Input.".Length..] : propertyName);

    private static string ToCamelCase(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    // The exception's message is not logged: it can quote the data that caused it.
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Method} {Path} at {StackTrace}")]
    private static partial void LogUnexpected(ILogger logger, string exceptionType, string method, string path, string stackTrace);
}
