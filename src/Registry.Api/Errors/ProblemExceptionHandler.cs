using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Common;

namespace Registry.Api.Errors;

/// <summary>
/// Every error leaves through here as RFC 9457 problem details. The three tiers of "no": shape → 400,
/// law or state → 422 with rule codes, uniqueness and concurrency → 409. A 500 never carries exception text.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException e => Validation(e, RequestLanguage.Of(context)),
            BadHttpRequestException e => BadRequest(e, RequestLanguage.Of(context)),
            RuleViolationException e => Rules(e, RequestLanguage.Of(context)),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            UnauthorizedAccessException => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in to do this."),
            UnsupportedContentException e => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", e.Message),
            ContentTooLargeException e => Problem(StatusCodes.Status413PayloadTooLarge, "Content too large", e.Message),
            ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
            PreconditionFailedException e => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", e.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Conflict",
                "The resource was changed by someone else at the same time; read it again and retry."),
            _ when Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } pg =>
                Problem(StatusCodes.Status409Conflict, "Conflict", $"A record with the same key already exists ({pg.ConstraintName})."),
            _ when Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.DatetimeFieldOverflow } =>
                Problem(StatusCodes.Status400BadRequest, "Invalid request", "A number or date is out of the range the registry accepts."),
            _ when Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.StringDataRightTruncation } =>
                Problem(StatusCodes.Status400BadRequest, "Invalid request", "A value is longer than the registry accepts."),
            _ when Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } =>
                Problem(StatusCodes.Status400BadRequest, "Invalid request", "The request contains characters that cannot be stored."),
            _ when Find<NpgsqlException>(exception) is { IsTransient: true } || Find<TimeoutException>(exception) is not null || DatabaseConnectionBroke(context) =>
                Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database is unavailable; retry shortly."),
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
            problem = Problem(StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred. It has been logged.");
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The request's database connection broke under it (the server crashed or restarted): whatever the code above
    /// made of that — Npgsql's own exception, or "transaction already completed" from the next statement — the
    /// honest answer is 503, retry shortly. Nothing was committed: a command commits last, in one transaction.
    /// </summary>
    private static bool DatabaseConnectionBroke(HttpContext context) =>
        context.RequestServices.GetService<IRegistryDbContext>()?.Database.GetDbConnection() is NpgsqlConnection connection
        && connection.FullState.HasFlag(System.Data.ConnectionState.Broken);

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

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static HttpValidationProblemDetails Validation(ValidationException exception, string language)
    {
        var errors = exception.Errors
            .GroupBy(e => ToCamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = language == "ar" ? "حقل واحد أو أكثر غير صالح." : "Un ou plusieurs champs ne sont pas valides.",
        };
    }

    private static HttpValidationProblemDetails BadRequest(BadHttpRequestException exception, string language)
    {
        var status = exception.StatusCode;
        var arabic = language == "ar";
        var detail = status switch
        {
            StatusCodes.Status413PayloadTooLarge => arabic ? "حجم الطلب كبير جدا." : "Le corps de la requête est trop volumineux.",
            StatusCodes.Status415UnsupportedMediaType => arabic ? "أرسل الطلب بصيغة application/json." : "Envoyez le corps en application/json.",
            _ => arabic
                ? "تعذرت قراءة الطلب: تحقق من محتوى JSON والمسار ومعاملات الاستعلام."
                : "La requête n'a pas pu être lue : vérifiez le corps JSON, la route et les paramètres de la requête.",
        };
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["request"] = [detail] })
        {
            Status = status,
            Title = status == StatusCodes.Status400BadRequest ? "Invalid request" : ReasonPhrase(status),
            Detail = detail,
        };
        return problem;
    }

    private static ProblemDetails Rules(RuleViolationException exception, string language)
    {
        var problem = Problem(StatusCodes.Status422UnprocessableEntity, "Rule violated",
            language == "ar" ? "لا يستوفي الطلب قاعدة أو أكثر." : "La demande ne respecte pas une ou plusieurs règles.");
        problem.Extensions["rules"] = exception.Rules
            .Select(r => new { code = r.Code, article = r.Article, message = r.Message.In(language) })
            .ToArray();
        return problem;
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static string ToCamelCase(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    // The exception's message is not logged: it can quote the data that caused it.
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Method} {Path} at {StackTrace}")]
    private static partial void LogUnexpected(ILogger logger, string exceptionType, string method, string path, string stackTrace);
}
