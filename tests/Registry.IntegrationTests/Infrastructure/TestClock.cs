namespace Registry.IntegrationTests.Infrastructure;

/// <summary>A clock the test sets; microsecond precision like PostgreSQL.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Sets the time to noon (Casablanca is UTC+1) of a date.</summary>
    public void Set(DateOnly date) => _now = new DateTimeOffset(date.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => _now = now;
}
