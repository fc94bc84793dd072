using Npgsql;

namespace Registry.Cli.Common;

/// <summary>Connections for long bulk work: no command timeout, error details on.</summary>
internal static class Database
{
    /// <param name="options">Server settings for every connection (<c>-c name=value</c>), added to the connection string's.</param>
    public static NpgsqlDataSource Open(string connectionString, int? maxPoolSize = null, string? options = null)
    {
        var builder = Registry.Infrastructure.Persistence.RegistryConnection.Settings(connectionString);
        builder.CommandTimeout = 0;
        builder.IncludeErrorDetail = true;
        if (options is not null)
        {
            builder.Options = string.IsNullOrEmpty(builder.Options) ? options : builder.Options + " " + options;
        }

        if (maxPoolSize is { } size && builder.MaxPoolSize < size)
        {
            builder.MaxPoolSize = size;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Africa/Casablanca dates and times (registration numbers take the approval's year there).</summary>
internal static class Casablanca
{
    public static readonly TimeZoneInfo Zone = Registry.Application.Common.Interfaces.LegalCalendar.Morocco;

    /// <summary>The instant (in UTC, as Npgsql writes timestamptz) of a Casablanca wall-clock time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly Today(TimeProvider clock) => Registry.Application.Common.Interfaces.LegalCalendar.Today(clock);

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(Registry.Application.Common.Interfaces.LegalCalendar.ToMorocco(instant).DateTime);
}
