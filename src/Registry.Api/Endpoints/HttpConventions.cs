using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Registry.Application.Common.Concurrency;

namespace Registry.Api.Endpoints;

/// <summary>ETag and If-Match carry the row version; Idempotency-Key is bound to creating commands.</summary>
internal static class HttpConventions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>A stored document as a download, its SHA-256 as the entity tag.</summary>
    public static FileContentHttpResult Download(Registry.Application.Documents.DocumentFile file) =>
        TypedResults.File(file.Content, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));

    public static string ETagOf(uint version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>
    /// The versions If-Match names (RFC 9110 §13.1.1): a list of entity tags, one of which must be the current version.
    /// Strong tags of our shape ("1517") give their version; other strong tags match nothing; weak tags and <c>*</c> are
    /// kept so that the refusal says why; several If-Match lines are one list (the binding joins them with commas).
    /// </summary>
    public static ExpectedVersion VersionFrom(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ExpectedVersion.Missing;
        }

        if (!EntityTagHeaderValue.TryParseStrictList([ifMatch], out var tags) || tags.Count == 0)
        {
            return ExpectedVersion.Unreadable;
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            // "*" stands alone (If-Match = "*" / #entity-tag): in a list it is not a header we can read.
            return tags.Count == 1 ? ExpectedVersion.AnyVersion : ExpectedVersion.Unreadable;
        }

        var versions = tags
            .Where(t => !t.IsWeak)
            .Select(t => uint.TryParse(t.Tag.AsSpan(1, t.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : (uint?)null)
            .OfType<uint>()
            .ToList();
        return ExpectedVersion.OneOf(versions, weakTags: tags.Any(t => t.IsWeak));
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
