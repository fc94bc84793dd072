using Hangfire;
using Microsoft.EntityFrameworkCore;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Jobs;

/// <summary>
/// Lists again the words found in at least one name in 200 (<c>registry.common_words</c>), from fresh planner
/// statistics of the names' word arrays. The public search looks organisations up by the other words of a query and
/// checks the common ones on the rows found; only its speed depends on this list, never an answer.
/// </summary>
public sealed class RefreshCommonWordsJob(RegistryDbContext db)
{
    public const string RecurringId = "maintenance:refresh-common-words";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("ANALYZE registry.organizations (search_words)", cancellationToken);
        return await db.Database.SqlQueryRaw<int>("""SELECT registry.common_words_refresh() AS "Value" """).SingleAsync(cancellationToken);
    }
}
