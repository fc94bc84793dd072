using Npgsql;

namespace Registry.Cli.Common;

internal sealed record Province(string Code, string RegionCode, string NameFr, string NameAr);

internal sealed record Sector(string Code, IReadOnlySet<string> AppliesTo);

/// <summary>The reference data as the database holds it (the migration loads it from data/*.csv).</summary>
internal sealed class ReferenceData
{
    private ReferenceData(IReadOnlyList<Province> provinces, IReadOnlyDictionary<string, Sector> sectors)
    {
        Provinces = provinces;
        ProvincesByCode = provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
        Sectors = sectors;
        Regions = [.. provinces.Select(p => p.RegionCode).Distinct().Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<Province> Provinces { get; }
    public IReadOnlyDictionary<string, Province> ProvincesByCode { get; }
    public IReadOnlyDictionary<string, Sector> Sectors { get; }
    public IReadOnlyList<string> Regions { get; }

    public static async Task<ReferenceData> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var provinces = new List<Province>();
        await using (var command = new NpgsqlCommand("SELECT code, region_code, name_fr, name_ar FROM registry.provinces ORDER BY code", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                provinces.Add(new Province(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var sectors = new Dictionary<string, Sector>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT code, applies_to FROM registry.sectors", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var code = reader.GetString(0);
                sectors[code] = new Sector(code, reader.GetFieldValue<string[]>(1).ToHashSet(StringComparer.Ordinal));
            }
        }

        if (provinces.Count == 0 || sectors.Count == 0)
        {
            throw new InvalidOperationException("The reference data (provinces, sectors) is missing: apply the migrations first (Registry.Api migrate).");
        }

        return new ReferenceData(provinces, sectors);
    }
}
