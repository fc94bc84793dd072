using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Reference.Queries.GetRegions;

/// <summary>The 12 regions with their prefectures and provinces, in HCP code order.</summary>
public sealed record GetRegions : IQuery<IReadOnlyList<RegionView>>;

public sealed record RegionView(string Code, string NameFr, string NameAr, IReadOnlyList<ProvinceView> Provinces);

public sealed record ProvinceView(string Code, string NameFr, string NameAr, string Kind, string HcpCode, string IsoCode);

internal sealed class GetRegionsHandler(IRegistryDbContext db) : IQueryHandler<GetRegions, IReadOnlyList<RegionView>>
{
    public async ValueTask<IReadOnlyList<RegionView>> Handle(GetRegions query, CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking()
            .OrderBy(r => r.Code)
            .Select(r => new RegionView(r.Code, r.NameFr, r.NameAr, r.Provinces
                .OrderBy(p => p.HcpCode)
                .Select(p => new ProvinceView(p.Code, p.NameFr, p.NameAr, p.Kind, p.HcpCode, p.IsoCode))
                .ToList()))
            .ToListAsync(cancellationToken);
}
