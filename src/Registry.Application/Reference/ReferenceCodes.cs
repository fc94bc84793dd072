using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Reference;

/// <summary>
/// The codes of the regions, provinces and sectors, for checking a code a client sent without a query per request.
/// They change only with a migration: the list is read once per process and again after <see cref="Lifetime"/>, so a
/// code a migration adds is known without a restart.
/// </summary>
public sealed class ReferenceCodes(IServiceScopeFactory scopes) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Known? _known;

    /// <summary>The codes as last read; three small sets.</summary>
    public sealed record Known(FrozenSet<string> Regions, FrozenSet<string> Provinces, FrozenSet<string> Sectors, long ReadAt);

    public async ValueTask<Known> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _known)) is { } known)
        {
            return known;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_known) is { } readMeanwhile)
            {
                return readMeanwhile;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IRegistryDbContext>();
            var regions = await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken);
            var provinces = await db.Provinces.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken);
            var sectors = await db.Sectors.AsNoTracking().Select(s => s.Code).ToListAsync(cancellationToken);
            known = new Known(
                regions.ToFrozenSet(StringComparer.Ordinal), provinces.ToFrozenSet(StringComparer.Ordinal), sectors.ToFrozenSet(StringComparer.Ordinal),
                TimeProvider.System.GetTimestamp());
            Volatile.Write(ref _known, known);
            return known;
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();

    // A monotonic clock, not the registry's TimeProvider: the tests move that one (backwards too), and a cache's age is
    // not a date of the registry's.
    private static Known? Fresh(Known? known) =>
        known is not null && TimeProvider.System.GetElapsedTime(known.ReadAt) < Lifetime ? known : null;
}
