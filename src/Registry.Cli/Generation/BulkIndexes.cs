using System.Diagnostics;
using Npgsql;
using Registry.Cli.Common;

namespace Registry.Cli.Generation;

/// <summary>
/// The secondary structures of the loaded tables — indexes, primary and unique keys, and the foreign keys
/// from or to them — read from the catalogue (so indexes another migration adds are handled too), dropped
/// before a bulk load and rebuilt after it: building a btree once from sorted input is several times cheaper
/// than maintaining it row by row, and a foreign key is validated by one join instead of a trigger per row.
/// </summary>
internal sealed class BulkIndexes
{
    private readonly List<(string Table, string Name, string Definition, string? ConstraintType, long Pages)> _indexes = [];
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];

    public int IndexCount => _indexes.Count;
    public int ForeignKeyCount => _foreignKeys.Count;

    /// <summary>The DDL that rebuilds everything, written to a file before anything is dropped (in case the load dies).</summary>
    public string Script => string.Join(Environment.NewLine,
        _indexes.Select(i => i.Definition + ";")
            .Concat(_indexes.Where(i => i.ConstraintType is not null).Select(i => AddConstraint(i)))
            .Concat(_foreignKeys.Select(f => $"ALTER TABLE {f.Table} ADD CONSTRAINT {f.Name} {f.Definition};")));

    public static async Task<BulkIndexes> CaptureAsync(NpgsqlConnection connection, IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        var result = new BulkIndexes();
        var names = tables.Select(t => "registry." + t).ToArray();
        await using (var command = new NpgsqlCommand("""
            SELECT t.oid::regclass::text, quote_ident(ic.relname), pg_get_indexdef(i.indexrelid), c.contype::text, ic.relpages::bigint + t.relpages
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_class ic ON ic.oid = i.indexrelid
            LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u')
            WHERE i.indrelid = ANY (SELECT unnest($1::text[])::regclass)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid AND x.conrelid = i.indrelid AND x.contype = 'x')
            ORDER BY 5 DESC, 2
            """, connection) { Parameters = { new() { Value = names } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                result._indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4)));
            }
        }

        await using (var command = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f'
              AND (c.conrelid = ANY (SELECT unnest($1::text[])::regclass) OR c.confrelid = ANY (SELECT unnest($1::text[])::regclass))
            ORDER BY 1, 2
            """, connection) { Parameters = { new() { Value = names } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                result._foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        // Largest tables first (the catalogue's sizes say nothing while the tables are still empty), so the
        // longest build — the members' primary key — does not start last and run alone.
        var priority = new[] { "organization_members", "organization_officers", "organizations", "applications", "declarations" };
        int Rank(string table) => Array.FindIndex(priority, p => table.EndsWith("." + p, StringComparison.Ordinal)) is var k and >= 0 ? k : priority.Length;
        result._indexes.Sort((a, b) => Rank(a.Table) != Rank(b.Table) ? Rank(a.Table).CompareTo(Rank(b.Table)) : b.Pages.CompareTo(a.Pages));
        return result;
    }

    public async Task DropAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (table, name, _) in _foreignKeys)
        {
            await connection.ExecuteAsync($"ALTER TABLE {table} DROP CONSTRAINT {name}", cancellationToken, transaction);
        }

        foreach (var index in _indexes)
        {
            var schema = index.Table.Split('.')[0];
            await connection.ExecuteAsync(index.ConstraintType is null
                ? $"DROP INDEX {schema}.{index.Name}"
                : $"ALTER TABLE {index.Table} DROP CONSTRAINT {index.Name}", cancellationToken, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Builds the indexes on <paramref name="parallelism"/> connections at once, largest first (CREATE INDEX takes a
    /// SHARE lock, so several can build on one table together); keys are attached to their index afterwards
    /// (<c>ADD CONSTRAINT … USING INDEX</c> is instant), then the foreign keys are added and validated.
    /// </summary>
    public async Task RebuildAsync(NpgsqlDataSource dataSource, int parallelism, string maintenanceWorkMem, TextWriter output, CancellationToken cancellationToken)
    {
        var queue = new Queue<(string Table, string Name, string Definition, string? ConstraintType, long Pages)>(_indexes);
        var gate = new object();
        var failures = new List<string>();
        async Task Builder()
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync($"SET maintenance_work_mem = '{maintenanceWorkMem}'", cancellationToken);
            while (true)
            {
                (string Table, string Name, string Definition, string? ConstraintType, long Pages) index;
                lock (gate)
                {
                    if (!queue.TryDequeue(out index))
                    {
                        return;
                    }
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    await connection.ExecuteAsync(index.Definition, cancellationToken);
                    lock (gate)
                    {
                        output.WriteLine($"    index {index.Name,-60} {Stopwatch.GetElapsedTime(started).TotalSeconds,7:F1} s");
                    }
                }
                catch (PostgresException e)
                {
                    // Keep building the others: one bad index must not leave the rest of the tables bare.
                    lock (gate)
                    {
                        failures.Add($"{index.Name}: {e.MessageText} {e.Detail}");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, parallelism)).Select(_ => Task.Run(Builder, cancellationToken)));
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Some indexes could not be rebuilt (the data breaks them); fix the data, then run the rebuild script:"
                + Environment.NewLine + string.Join(Environment.NewLine, failures));
        }

        await using var final = await dataSource.OpenConnectionAsync(cancellationToken);
        await final.ExecuteAsync($"SET maintenance_work_mem = '{maintenanceWorkMem}'", cancellationToken);
        foreach (var index in _indexes.Where(i => i.ConstraintType is not null))
        {
            await final.ExecuteAsync(AddConstraint(index), cancellationToken);
        }

        foreach (var (table, name, definition) in _foreignKeys)
        {
            var started = Stopwatch.GetTimestamp();
            await final.ExecuteAsync($"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}", cancellationToken);
            output.WriteLine($"    foreign key {name,-54} {Stopwatch.GetElapsedTime(started).TotalSeconds,7:F1} s");
        }
    }

    private static string AddConstraint((string Table, string Name, string Definition, string? ConstraintType, long Pages) index) =>
        $"ALTER TABLE {index.Table} ADD CONSTRAINT {index.Name} {(index.ConstraintType == "p" ? "PRIMARY KEY" : "UNIQUE")} USING INDEX {index.Name};";
}
