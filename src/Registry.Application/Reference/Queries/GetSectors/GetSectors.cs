using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Reference.Queries.GetSectors;

/// <summary>The activity sectors (reference list), with their Arabic and French names, in code order.</summary>
public sealed record GetSectors : IQuery<IReadOnlyList<SectorView>>;

public sealed record SectorView(string Code, string NameFr, string NameAr);

internal sealed class GetSectorsHandler(IRegistryDbContext db) : IQueryHandler<GetSectors, IReadOnlyList<SectorView>>
{
    public async ValueTask<IReadOnlyList<SectorView>> Handle(GetSectors query, CancellationToken cancellationToken) =>
        await db.Sectors.AsNoTracking()
            .OrderBy(s => s.Code)
            .Select(s => new SectorView(s.Code, s.NameFr, s.NameAr))
            .ToListAsync(cancellationToken);
}
