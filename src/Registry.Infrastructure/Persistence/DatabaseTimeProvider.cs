namespace Registry.Infrastructure.Persistence;

/// <summary>
/// The system clock at PostgreSQL's precision (microseconds), so a time returned before saving equals
/// the same time read back, and keyset cursors built from either agree.
/// </summary>
internal sealed class DatabaseTimeProvider : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
