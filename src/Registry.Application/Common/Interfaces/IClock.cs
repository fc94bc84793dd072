namespace Registry.Application.Common.Interfaces;

/// <summary>The law's calendar: deadlines and registration years are counted in Africa/Casablanca.</summary>
public static class LegalCalendar
{
    public static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    public static DateTimeOffset ToMorocco(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Morocco);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToMorocco(clock.GetUtcNow()).DateTime);

    /// <summary>The instant a day begins in Morocco.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Morocco.GetUtcOffset(midnight));
    }
}
