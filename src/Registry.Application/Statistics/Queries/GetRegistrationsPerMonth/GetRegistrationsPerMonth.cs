using FluentValidation;
using Registry.Application.Common.Validation;
using Mediator;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Statistics.Queries.GetRegistrationsPerMonth;

/// <summary>Registrations per month (Africa/Casablanca) over a date range, optionally grouped by one or two dimensions.</summary>
public sealed record GetRegistrationsPerMonth(DateOnly From, DateOnly To, IReadOnlyList<StatisticsDimension> GroupBy, StatisticsFilter Filter)
    : IQuery<IReadOnlyList<MonthlyRow>>;

public sealed class GetRegistrationsPerMonthValidator : AbstractValidator<GetRegistrationsPerMonth>
{
    public GetRegistrationsPerMonthValidator()
    {
        StatisticsQueryValidation.Filters(this, q => q.Filter, q => q.GroupBy);
        RuleFor(x => x.From).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2100, 1, 1));
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).LessThanOrEqualTo(x => x.From.AddYears(50)).WithMessage("Une période d'au plus 50 ans, qui finit après son début.", "فترة لا تتجاوز 50 سنة، تنتهي بعد بدايتها.");
    }
}

internal sealed class GetRegistrationsPerMonthHandler(IStatisticsReader statistics) : IQueryHandler<GetRegistrationsPerMonth, IReadOnlyList<MonthlyRow>>
{
    public async ValueTask<IReadOnlyList<MonthlyRow>> Handle(GetRegistrationsPerMonth query, CancellationToken cancellationToken) =>
        await statistics.RegistrationsPerMonthAsync(query.From, query.To, query.GroupBy, query.Filter, cancellationToken);
}
