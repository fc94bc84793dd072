namespace Registry.Application.Common.Exceptions;

/// <summary>404: the resource does not exist, or the caller may not know it exists.</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>403: the caller can see the resource but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>409: a duplicate, a reused idempotency key, or a concurrent change.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>412: the If-Match header is missing or names an older version.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>415: the content is not of a type the registry accepts.</summary>
public sealed class UnsupportedContentException(string message) : Exception(message);

/// <summary>413: the content is larger than the registry accepts.</summary>
public sealed class ContentTooLargeException(string message) : Exception(message);
