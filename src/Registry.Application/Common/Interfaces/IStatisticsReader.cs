namespace Registry.Application.Common.Interfaces;

/// <summary>The dimensions statistics can be grouped and filtered by (SPEC §6).</summary>
public enum StatisticsDimension
{
    Region,
    Province,
    LegalForm,
    Sector,
    Status,
    Year,
}

/// <summary>Filters on any combination of dimensions; null means all.</summary>
public sealed record StatisticsFilter(string? Region, string? Province, string? LegalForm, string? Sector, string? Status, int? Year);

/// <summary>One group: its dimension values, counts of organisations and members, women's share, compliance rate.</summary>
public sealed record StatisticsRow(
    IReadOnlyDictionary<string, string> Group, long Organizations, long Members, long WomenMembers, double? WomenShare, double? ComplianceRate);

public sealed record MonthlyRow(string Month, IReadOnlyDictionary<string, string> Group, long Registrations);

/// <summary>Aggregates over registered organisations only: counts, never a person's data.</summary>
public interface IStatisticsReader
{
    Task<IReadOnlyList<StatisticsRow>> OrganizationsAsync(IReadOnlyList<StatisticsDimension> groupBy, StatisticsFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<MonthlyRow>> RegistrationsPerMonthAsync(DateOnly from, DateOnly to, IReadOnlyList<StatisticsDimension> groupBy, StatisticsFilter filter, CancellationToken cancellationToken);
}
