namespace Registry.Domain.Reference;

/// <summary>One of the 12 regions of the 2015 division (HCP codes "01".."12").</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string NameFr { get; init; }
    public required string NameAr { get; init; }
    public List<Province> Provinces { get; init; } = [];
}

/// <summary>A prefecture or province; its region follows from it.</summary>
public sealed class Province
{
    public required string Code { get; init; }
    public required string RegionCode { get; init; }
    public required string NameFr { get; init; }
    public required string NameAr { get; init; }
    public required string Kind { get; init; }
    public required string HcpCode { get; init; }
    public required string IsoCode { get; init; }
}

/// <summary>An activity sector and the legal forms it applies to.</summary>
public sealed class Sector
{
    public required string Code { get; init; }
    public required string NameFr { get; init; }
    public required string NameAr { get; init; }
    public required string[] AppliesTo { get; init; }
}
