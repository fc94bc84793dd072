namespace Registry.Application.Common.Interfaces;

/// <summary>A stored idempotency key: the hash of the request that first used it and, once done, its response.</summary>
public sealed record IdempotencyRecord(string RequestHash, string? ResponseJson);

public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key inside the current transaction. Returns null when this request now owns it, or the
    /// record of the request that used it first (waiting for that request's transaction to finish).
    /// </summary>
    Task<IdempotencyRecord?> ClaimAsync(Guid userId, string key, string requestHash, CancellationToken cancellationToken);

    Task CompleteAsync(Guid userId, string key, string responseJson, CancellationToken cancellationToken);
}
