using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Persistence;

internal sealed class IdempotencyStore(RegistryDbContext db, TimeProvider clock) : IIdempotencyStore
{
    public async Task<IdempotencyRecord?> ClaimAsync(Guid userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        // A concurrent request holding the same key makes this insert wait until it commits or rolls back.
        var now = clock.GetUtcNow();
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO registry.idempotency_keys (user_id, key, request_hash, created_at)
            VALUES ({userId}, {key}, {requestHash}, {now})
            ON CONFLICT (user_id, key) DO NOTHING
            """, cancellationToken);
        if (inserted == 1)
        {
            return null;
        }

        return await db.IdempotencyKeys.AsNoTracking()
            .Where(k => k.UserId == userId && k.Key == key)
            .Select(k => new IdempotencyRecord(k.RequestHash, k.ResponseJson))
            .SingleAsync(cancellationToken);
    }

    public async Task CompleteAsync(Guid userId, string key, string responseJson, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE registry.idempotency_keys SET response_json = {responseJson}::jsonb
            WHERE user_id = {userId} AND key = {key}
            """, cancellationToken);
}
