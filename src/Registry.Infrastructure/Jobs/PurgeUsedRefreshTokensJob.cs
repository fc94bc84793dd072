using Hangfire;
using Microsoft.EntityFrameworkCore;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Jobs;

/// <summary>
/// A used refresh token is remembered only while it could still be presented: once it has expired Identity refuses
/// it anyway, so its row is deleted (one statement; a re-run is harmless).
/// </summary>
public sealed class PurgeUsedRefreshTokensJob(RegistryDbContext db, TimeProvider clock)
{
    public const string RecurringId = "maintenance:purge-used-refresh-tokens";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.UsedRefreshTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}
