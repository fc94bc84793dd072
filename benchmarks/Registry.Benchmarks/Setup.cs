using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Registry.Benchmarks;

/// <summary>Creates the throwaway database, applies the real schema (the API's migrate step) and loads data.</summary>
internal static class Setup
{
    public static async Task EnsureDatabaseAsync(string connectionString, string repositoryRoot, bool skipBuild)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database ?? throw new InvalidOperationException("The connection string names no database.");
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
            if (await exists.ExecuteScalarAsync() is null)
            {
                Console.WriteLine($"Creating database {database} ...");
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        // Always: a database made by an earlier version gets the migrations added since (the product variant
        // needs them); an up-to-date one is left as it is.
        var api = Path.Combine(repositoryRoot, "src", "Registry.Api");
        if (!skipBuild)
        {
            Console.WriteLine("Building Registry.Api (Release) for its migrate step ...");
            await RunAsync("dotnet", ["build", "-c", "Release", "-nologo", "-v", "quiet"], api, null);
        }

        Console.WriteLine("Applying the schema: Registry.Api migrate ...");
        try
        {
            await RunAsync("dotnet", [Path.Combine("bin", "Release", "net10.0", "Registry.Api.dll"), "migrate"], api,
                new Dictionary<string, string> { ["ConnectionStrings__Registry"] = connectionString });
        }
        catch (InvalidOperationException e)
        {
            // E.g. PendingModelChangesWarning while someone is changing the model without a migration yet: the
            // migrations themselves are still the schema, so apply them as the script EF generates from them.
            Console.WriteLine($"The migrate step failed ({e.Message}); applying `dotnet ef migrations script --idempotent` instead.");
            var script = Path.Combine(Path.GetTempPath(), $"registry-schema-{Environment.ProcessId}.sql");
            await RunAsync("dotnet", ["tool", "restore"], repositoryRoot, null);
            await RunAsync("dotnet", ["ef", "migrations", "script", "--idempotent", "--configuration", "Release", "--project", "migrations/Registry.Migrations",
                "--startup-project", "migrations/Registry.Migrations", "-o", script], repositoryRoot, null);
            var builder2 = new NpgsqlConnectionStringBuilder(connectionString);
            await RunAsync("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-h", builder2.Host ?? "127.0.0.1", "-p", builder2.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", builder2.Username ?? "postgres", "-d", database, "-f", script], repositoryRoot,
                builder2.Password is { } password ? new Dictionary<string, string> { ["PGPASSWORD"] = password } : null);
            File.Delete(script);
        }
    }

    private static async Task RunAsync(string file, string[] arguments, string directory, Dictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.WriteLine(await output);
            Console.WriteLine(await error);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}.");
        }
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Loads <paramref name="count"/> organisations (and <paramref name="reservations"/> name reservations) unless
    /// that many are there already. Secondary indexes are dropped during COPY and rebuilt afterwards (exactly
    /// as pg_get_indexdef gave them); foreign keys are not checked (session_replication_role = replica), because
    /// the organisations point at applications that the benchmark does not create.
    /// </summary>
    public static async Task LoadAsync(NpgsqlDataSource dataSource, int count, int reservations, int seed, bool force)
    {
        var existing = await CountAsync(dataSource, "SELECT count(*) FROM registry.organizations");
        if (existing == count && !force)
        {
            Console.WriteLine($"registry.organizations already holds {existing:N0} rows: not reloading (--reload forces it).");
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecAsync(connection, "SET session_replication_role = replica; SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2");
        var provinces = new List<Province>();
        await using (var command = new NpgsqlCommand("SELECT p.code, p.region_code, p.name_ar, p.name_fr FROM registry.provinces p ORDER BY p.code", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                provinces.Add(new Province(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var sectors = new List<Sector>();
        await using (var command = new NpgsqlCommand("SELECT * FROM registry.sectors ORDER BY code", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var code = reader.GetOrdinal("code");
            var applies = Enumerable.Range(0, reader.FieldCount).FirstOrDefault(i => reader.GetName(i).StartsWith("applies", StringComparison.Ordinal), -1);
            while (await reader.ReadAsync())
            {
                var appliesTo = applies >= 0 && !reader.IsDBNull(applies) ? reader.GetValue(applies) switch
                {
                    string[] array => array,
                    string text => text.Split('|', ',', ' '),
                    _ => ["COOP", "UNION", "ASSO", "MUTU"],
                } : ["COOP", "UNION", "ASSO", "MUTU"];
                sectors.Add(new Sector(reader.GetString(code), appliesTo));
            }
        }

        Console.WriteLine($"Reference data: {provinces.Count} provinces, {sectors.Count} sectors.");

        // Indexes other than primary keys go while loading and come back afterwards.
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid IN ('registry.organizations'::regclass, 'registry.name_reservations'::regclass) AND NOT i.indisprimary
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        // Variant columns and tables depend on the data: drop them so that a variant rebuilds them.
        await ExecAsync(connection, "DROP SCHEMA IF EXISTS bench CASCADE");
        foreach (var (name, _) in indexes)
        {
            await ExecAsync(connection, $"DROP INDEX {name}");
        }

        await ExecAsync(connection, "TRUNCATE registry.organizations, registry.name_reservations CASCADE");
        var variantColumns = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'registry' AND table_name IN ('organizations', 'name_reservations') AND column_name LIKE 'bench\_%'
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                variantColumns.Add(reader.GetString(0));
            }
        }

        foreach (var column in variantColumns)
        {
            var parts = column.Split('.');
            await ExecAsync(connection, $"ALTER TABLE registry.{parts[0]} DROP COLUMN {parts[1]}");
        }

        indexes.RemoveAll(i => i.Definition.Contains("bench_", StringComparison.Ordinal));

        var stopwatch = Stopwatch.StartNew();
        var generator = new Generator(seed, provinces, sectors);
        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY registry.organizations (id, registration_number, application_id, owner_id, legal_form, name_ar, name_latin,
                sector_code, seat_address, province_code, region_code, founding_date, financial_year_end, contact_email,
                contact_phone, status, registered_at, status_changed_at, member_count, women_member_count, ice,
                normalized_name_ar, normalized_name_latin, share_value) FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
            {
                var o = generator.Next(i);
                await importer.StartRowAsync();
                await importer.WriteAsync(o.Id, NpgsqlDbType.Uuid);
                await importer.WriteAsync(o.RegistrationNumber, NpgsqlDbType.Varchar);
                await importer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await importer.WriteAsync(o.OwnerId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(o.LegalForm, NpgsqlDbType.Varchar);
                await WriteNullableAsync(importer, o.NameAr);
                await WriteNullableAsync(importer, o.NameLatin);
                await importer.WriteAsync(o.SectorCode, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.SeatAddress, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.ProvinceCode, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.RegionCode, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.FoundingDate, NpgsqlDbType.Date);
                await importer.WriteAsync("12-31", NpgsqlDbType.Varchar);
                await importer.WriteNullAsync();
                await importer.WriteNullAsync();
                await importer.WriteAsync("Active", NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.RegisteredAt, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(o.RegisteredAt, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(o.MemberCount, NpgsqlDbType.Integer);
                await importer.WriteAsync(o.WomenMemberCount, NpgsqlDbType.Integer);
                await WriteNullableAsync(importer, o.Ice);
                await importer.WriteAsync(o.NormalizedAr, NpgsqlDbType.Text);
                await importer.WriteAsync(o.NormalizedLatin, NpgsqlDbType.Text);
                if (o.ShareValue is { } share)
                {
                    await importer.WriteAsync(share, NpgsqlDbType.Numeric);
                }
                else
                {
                    await importer.WriteNullAsync();
                }

                if ((i + 1) % 200_000 == 0)
                {
                    Console.WriteLine($"  {i + 1:N0} organisations ({stopwatch.Elapsed.TotalSeconds:F0} s)");
                }
            }

            await importer.CompleteAsync();
        }

        Console.WriteLine($"COPY of {count:N0} organisations: {stopwatch.Elapsed.TotalSeconds:F1} s");

        // Name reservations: a history (consumed or expired) and a few live ones, as the similar-name check reads them.
        stopwatch.Restart();
        var now = DateTimeOffset.UtcNow;
        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY registry.name_reservations (id, holder_id, legal_form, name_ar, name_latin, normalized_ar, normalized_latin,
                reserved_at, expires_at, renewed, consumed_at, application_id) FROM STDIN (FORMAT BINARY)
            """))
        {
            var random = new Random(seed + 7);
            for (var i = 0; i < reservations; i++)
            {
                var formIndex = random.Next(2);
                var (ar, latin) = generator.MakeName(formIndex);
                var live = i % 50 == 0;
                var reservedAt = live ? now.AddDays(-random.Next(0, 25)) : now.AddDays(-random.Next(40, 3000));
                await importer.StartRowAsync();
                await importer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await importer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await importer.WriteAsync(NameData.Forms[formIndex].Form, NpgsqlDbType.Varchar);
                await importer.WriteAsync(ar, NpgsqlDbType.Varchar);
                await importer.WriteAsync(latin, NpgsqlDbType.Varchar);
                await importer.WriteAsync(Registry.Domain.Names.NameNormalizer.NormalizeArabic(ar), NpgsqlDbType.Text);
                await importer.WriteAsync(Registry.Domain.Names.NameNormalizer.NormalizeLatin(latin), NpgsqlDbType.Text);
                await importer.WriteAsync(reservedAt, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(reservedAt.AddDays(30), NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(false, NpgsqlDbType.Boolean);
                if (!live && random.NextDouble() < 0.8)
                {
                    await importer.WriteAsync(reservedAt.AddDays(random.Next(1, 30)), NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                }
                else
                {
                    await importer.WriteNullAsync();
                    await importer.WriteNullAsync();
                }
            }

            await importer.CompleteAsync();
        }

        Console.WriteLine($"COPY of {reservations:N0} name reservations (1 in 50 live): {stopwatch.Elapsed.TotalSeconds:F1} s");

        stopwatch.Restart();
        foreach (var (name, definition) in indexes)
        {
            var one = Stopwatch.StartNew();
            await ExecAsync(connection, definition);
            Console.WriteLine($"  {name}: {one.Elapsed.TotalSeconds:F1} s");
        }

        Console.WriteLine($"Indexes rebuilt: {stopwatch.Elapsed.TotalSeconds:F1} s");

        // Triggers did not fire during the COPY (replica role): the search's word list is rebuilt in one pass, as
        // the CLI generator does after its bulk load.
        stopwatch.Restart();
        await ExecAsync(connection, "SET session_replication_role = origin");
        await ExecAsync(connection, "SELECT registry.name_words_rebuild()");
        foreach (var table in new[] { "registry.organizations", "registry.name_reservations", "registry.name_words", "registry.name_word_deletions" })
        {
            await ExecAsync(connection, $"VACUUM (ANALYZE) {table}");
        }

        Console.WriteLine($"Word list rebuilt and VACUUM ANALYZE: {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            await importer.WriteNullAsync();
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Varchar);
        }
    }

    public static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
