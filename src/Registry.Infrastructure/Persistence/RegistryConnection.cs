using Npgsql;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// The registry's connection settings. Every object of the registry is schema-qualified; anything unqualified
/// (EF's migrations history, pg_trgm's functions, temporary work tables) lives in <c>public</c>. PostgreSQL's
/// default search path starts with <c>"$user"</c>, so for a database user named after a schema (<c>registry</c>)
/// unqualified names would land in that schema once it exists — and a second <c>migrate</c> would not find the
/// history the first one wrote. The search path is therefore <c>public</c> unless the connection string says otherwise.
/// </summary>
public static class RegistryConnection
{
    public const string HistorySchema = "public";

    public static NpgsqlConnectionStringBuilder Settings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.SearchPath))
        {
            builder.SearchPath = "public";
        }

        return builder;
    }
}
