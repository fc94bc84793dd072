using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Registry.Application.Organizations.Queries.SearchOrganizations;
using Registry.Infrastructure;
using Registry.Infrastructure.Persistence;

namespace Registry.Benchmarks;

/// <summary>
/// The product's own code, not a copy of its SQL: <see cref="SearchOrganizationsHandler"/> (what
/// <c>GET /api/v1/organizations?q=</c> runs) and <see cref="NameRegister.FindSimilarAsync"/> (what a name reservation
/// runs), on a pooled RegistryDbContext configured and with a data source built as the service builds them
/// (automatic preparation included). The <see cref="Db"/> connection a client is given is not used; in explain mode,
/// each statement EF Core sends is first run under auto_explain and every plan it ran is printed.
/// </summary>
internal sealed class Product : Variant
{
    private static PooledDbContextFactory<RegistryDbContext>? _contexts;
    private static readonly AsyncLocal<TextWriter?> Explain = new();
    private static long _compilations;

    /// <summary>How many LINQ queries EF Core compiled (a query cached by its shape is compiled once).</summary>
    public static long Compilations => Interlocked.Read(ref _compilations);

    public override string Name => "product";

    public override string Description =>
        "the product's code: SearchOrganizationsHandler and NameRegister.FindSimilarAsync through EF Core, as the service builds its data source and context";

    /// <summary>Builds the context factory once, on the benchmark's connection string.</summary>
    public static void Use(string connectionString)
    {
        var dataSource = DependencyInjection.DataSource(connectionString);
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        DependencyInjection.ConfigureContext(options, dataSource).AddInterceptors(new ExplainFirst())
            .LogTo(_ => Interlocked.Increment(ref _compilations), [CoreEventId.QueryCompilationStarting], Microsoft.Extensions.Logging.LogLevel.Trace);
        _contexts = new PooledDbContextFactory<RegistryDbContext>(options.Options);
    }

    public override async Task<List<Hit>> SearchAsync(Db db, string q)
    {
        Explain.Value = db.Explaining ? db.Writer : null;
        await using var context = await Contexts.CreateDbContextAsync();
        var handler = new SearchOrganizationsHandler(new RegistryReadDbContext(context));
        var page = await handler.Handle(new SearchOrganizations(null, null, null, null, null, null, null, PageSize, q), CancellationToken.None);
        return [.. page.Items.Select((item, i) => new Hit(item.RegistrationNumber, 1.0 - i / 1000.0))];
    }

    public override async Task<List<Hit>> SimilarAsync(Db db, string normalizedAr, string normalizedLatin)
    {
        Explain.Value = db.Explaining ? db.Writer : null;
        await using var context = await Contexts.CreateDbContextAsync();
        await using var transaction = await context.Database.BeginTransactionAsync(); // as the unit-of-work behaviour does
        var matches = await new NameRegister(context).FindSimilarAsync(normalizedAr, normalizedLatin, SimilarityThreshold, DateTimeOffset.UtcNow, MaxWarnings, CancellationToken.None);
        await transaction.CommitAsync();
        return [.. matches.Select(m => new Hit(m.RegistrationNumber ?? "reserved:" + (m.NameAr ?? m.NameLatin), m.Similarity))];
    }

    private static PooledDbContextFactory<RegistryDbContext> Contexts =>
        _contexts ?? throw new InvalidOperationException("Product.Use(connectionString) was not called.");

    /// <summary>
    /// Prints each statement with its parameters and, before it runs, runs it once under auto_explain (ANALYZE,
    /// BUFFERS, nested statements included) and prints every plan: the search and the similar-name check are SQL
    /// functions, and an EXPLAIN of their call would show only "Function Scan".
    /// </summary>
    private sealed class ExplainFirst : DbCommandInterceptor
    {
        private const string AutoExplainOn = """
            LOAD 'auto_explain';
            SET auto_explain.log_min_duration = 0; SET auto_explain.log_analyze = on; SET auto_explain.log_buffers = on;
            SET auto_explain.log_nested_statements = on; SET client_min_messages = log
            """;

        private const string AutoExplainOff = "RESET auto_explain.log_min_duration; RESET client_min_messages";

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await ExplainAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await ExplainAsync(command);
            return result;
        }

        private static async Task ExplainAsync(DbCommand command)
        {
            if (Explain.Value is not { } writer || command is not NpgsqlCommand npgsql || npgsql.Connection is not { } connection)
            {
                return;
            }

            await writer.WriteLineAsync("SQL:");
            await writer.WriteLineAsync(Db.Indent(npgsql.CommandText.Trim()));
            await writer.WriteLineAsync("Parameters: " + string.Join(", ", npgsql.Parameters.Select(p => $"{p.ParameterName}={Db.Show(p.Value)}")));
            var plans = new List<string>();
            void Collect(object sender, NpgsqlNoticeEventArgs e)
            {
                if (e.Notice.MessageText.Contains("plan:", StringComparison.Ordinal))
                {
                    plans.Add(e.Notice.MessageText);
                }
            }

            await using (var on = new NpgsqlCommand(AutoExplainOn, connection, npgsql.Transaction))
            {
                await on.ExecuteNonQueryAsync();
            }

            connection.Notice += Collect;
            try
            {
                await using var run = new NpgsqlCommand(npgsql.CommandText, connection, npgsql.Transaction);
                foreach (NpgsqlParameter parameter in npgsql.Parameters)
                {
                    run.Parameters.Add(parameter.Clone());
                }

                await using var reader = await run.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                }
            }
            finally
            {
                connection.Notice -= Collect;
                await using var off = new NpgsqlCommand(AutoExplainOff, connection, npgsql.Transaction);
                await off.ExecuteNonQueryAsync();
            }

            await writer.WriteLineAsync($"Plans (auto_explain, {plans.Count} statements, the innermost first):");
            foreach (var plan in plans)
            {
                await writer.WriteLineAsync(Db.Indent(plan.TrimEnd()));
            }

            await writer.WriteLineAsync();
        }
    }
}
