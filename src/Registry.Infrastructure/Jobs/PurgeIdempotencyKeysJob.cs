using Hangfire;
using Microsoft.EntityFrameworkCore;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Jobs;

/// <summary>Idempotency keys are kept for a day; older ones are deleted in one statement, so a re-run is harmless.</summary>
public sealed class PurgeIdempotencyKeysJob(RegistryDbContext db, TimeProvider clock)
{
    public const string RecurringId = "maintenance:purge-idempotency-keys";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        await db.IdempotencyKeys.Where(k => k.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
