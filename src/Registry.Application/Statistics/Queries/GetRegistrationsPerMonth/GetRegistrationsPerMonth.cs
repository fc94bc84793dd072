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
    private const int MaxYears = 50;

    public GetRegistrationsPerMonthValidator(Reference.ReferenceCodes reference)
    {
        StatisticsQueryValidation.Filters(this, reference, q => q.Filter, q => q.GroupBy);
        RuleFor(x => x.From).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2100, 1, 1));
        RuleFor(x => x.To).Must((query, to) => to >= query.From && to <= LatestEnd(query.From))
            .WithMessage("Une période d'au plus 50 ans, qui finit après son début.", "فترة لا تتجاوز 50 سنة، تنتهي بعد بدايتها.");
    }

    /// <summary>
    /// The last day a period starting on <paramref name="from"/> may end. A start in the last 50 years of the calendar
    /// (year 9950 on) has no such day within it: AddYears would throw, and a 400 for the start would become a 500.
    /// </summary>
    private static DateOnly LatestEnd(DateOnly from) =>
        from.Year <= DateOnly.MaxValue.Year - MaxYears ? from.AddYears(MaxYears) : DateOnly.MaxValue;
}

internal sealed class GetRegistrationsPerMonthHandler(IStatisticsReader statistics) : IQueryHandler<GetRegistrationsPerMonth, IReadOnlyList<MonthlyRow>>
{
    public async ValueTask<IReadOnlyList<MonthlyRow>> Handle(GetRegistrationsPerMonth query, CancellationToken cancellationToken) =>
        await statistics.RegistrationsPerMonthAsync(query.From, query.To, query.GroupBy, query.Filter, cancellationToken);
}
