using FluentValidation;
using Mediator;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Statistics.Queries.GetOrganizationStatistics;

/// <summary>Organisations, members, women's share and compliance rate, grouped by up to two dimensions, under any filters.</summary>
public sealed record GetOrganizationStatistics(IReadOnlyList<StatisticsDimension> GroupBy, StatisticsFilter Filter) : IQuery<IReadOnlyList<StatisticsRow>>;

public sealed class GetOrganizationStatisticsValidator : AbstractValidator<GetOrganizationStatistics>
{
    public GetOrganizationStatisticsValidator(Reference.ReferenceCodes reference) => StatisticsQueryValidation.Filters(this, reference, q => q.Filter, q => q.GroupBy);
}

internal sealed class GetOrganizationStatisticsHandler(IStatisticsReader statistics) : IQueryHandler<GetOrganizationStatistics, IReadOnlyList<StatisticsRow>>
{
    public async ValueTask<IReadOnlyList<StatisticsRow>> Handle(GetOrganizationStatistics query, CancellationToken cancellationToken) =>
        await statistics.OrganizationsAsync(query.GroupBy, query.Filter, cancellationToken);
}
