using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Registry.Api.Endpoints;

/// <summary>ETag and If-Match carry the row version; Idempotency-Key is bound to creating commands.</summary>
internal static class HttpConventions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>A stored document as a download, its SHA-256 as the entity tag.</summary>
    public static FileContentHttpResult Download(Registry.Application.Documents.DocumentFile file) =>
        TypedResults.File(file.Content, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));

    public static string ETagOf(uint version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>The version named by If-Match, or null when it is missing or not one of ours (the handler answers 412).</summary>
    public static uint? VersionFrom(string? ifMatch)
    {
        var value = ifMatch?.Trim();
        if (value is null || value.Length < 3 || value[0] != '"' || value[^1] != '"')
        {
            return null;
        }

        return uint.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <summary>The problem responses every endpoint of a group can give, for the OpenAPI document.</summary>
    public static TBuilder WithCommonProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }

        return builder;
    }
}

/// <summary>Binds the Idempotency-Key header.</summary>
internal sealed record IdempotencyKeyHeader([FromHeader(Name = HttpConventions.IdempotencyKeyHeader)] string? Value);
