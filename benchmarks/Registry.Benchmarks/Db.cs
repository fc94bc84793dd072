using System.Text;
using Npgsql;

namespace Registry.Benchmarks;

/// <summary>
/// One client's connection. Every statement a variant runs goes through <see cref="QueryAsync"/>, so that in
/// explain mode the same statement, with the same parameters, is shown with EXPLAIN (ANALYZE, BUFFERS) first.
/// </summary>
internal sealed class Db(NpgsqlConnection connection, TextWriter? explain = null)
{
    public NpgsqlConnection Connection => connection;

    public bool Explaining => explain is not null;

    public TextWriter? Writer => explain;

    public async Task<List<object?[]>> QueryAsync(string sql, params object?[] parameters)
    {
        if (explain is not null)
        {
            await explain.WriteLineAsync("SQL:");
            await explain.WriteLineAsync(Indent(sql.Trim()));
            await explain.WriteLineAsync("Parameters: " + string.Join(", ", parameters.Select((p, i) => $"${i + 1}={Show(p)}")));
            await using var plan = Command("EXPLAIN (ANALYZE, BUFFERS) " + sql, parameters);
            await using var reader = await plan.ExecuteReaderAsync();
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }

            await explain.WriteLineAsync("Plan:");
            await explain.WriteLineAsync(Indent(text.ToString().TrimEnd()));
            await explain.WriteLineAsync();
        }

        await using var command = Command(sql, parameters);
        await using var rows = await command.ExecuteReaderAsync();
        var result = new List<object?[]>();
        while (await rows.ReadAsync())
        {
            var values = new object?[rows.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = rows.IsDBNull(i) ? null : rows.GetValue(i);
            }

            result.Add(values);
        }

        return result;
    }

    public async Task ExecuteAsync(string sql, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand Command(string sql, object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return command;
    }

    internal static string Show(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s + "'",
        string[] a => "{" + string.Join(",", a) + "}",
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    internal static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l));
}
