using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;
using Registry.Application.Applications;
using Registry.Application.Common.Validation;
using Registry.Cli.Common;
using Registry.Domain.Legal;
using Registry.Infrastructure.Persistence;
using Registry.Domain.Names;
using Registry.Domain.Organizations;

namespace Registry.Cli.Import;

internal sealed record ImportResult(int Organizations, int Members, int Officers, int AlreadyPresent, int RejectedOrganizations, int RejectedRows);

/// <summary>
/// <c>import organizations FILE.csv</c>: organisations already registered elsewhere, with their members and
/// officers, one row per person (docs/import-format.md). Every row is checked against the reference data and
/// the shape rules; an organisation with any bad row is rejected whole and reported; the good ones go through
/// binary COPY into temporary staging tables and from there into the registry in one transaction. An
/// organisation's id is derived from its source key, so importing the same file again changes nothing.
/// </summary>
internal sealed partial class ImportCommand(string connectionString, TextWriter output)
{
    public static readonly string[] Columns =
    [
        "source_key", "registration_number", "legal_form", "name_ar", "name_latin", "sector_code", "province_code", "seat_address",
        "founding_date", "registered_on", "financial_year_end", "ice", "share_value", "contact_email", "contact_phone",
        "person_role", "member_kind", "full_name_ar", "full_name_latin", "cin", "birth_date", "gender", "nationality",
        "legal_name", "legal_identifier", "shares_subscribed", "shares_paid", "profession", "address", "mandate_start", "mandate_end",
    ];

    /// <summary>The columns that describe the organisation and must be the same on each of its rows.</summary>
    private static readonly string[] OrganizationColumns = [.. Columns.TakeWhile(c => c != "person_role")];

    /// <summary>
    /// The longest text each person column may hold: the registry's own column sizes, so that a long value rejects its
    /// row with a reason instead of failing the whole load (the organisation's columns are checked in CheckOrganization).
    /// </summary>
    private static readonly FrozenDictionary<string, int> PersonTextLimits = new Dictionary<string, int>
    {
        ["full_name_ar"] = 200, ["full_name_latin"] = 200, ["nationality"] = 60, ["legal_name"] = 200,
        ["legal_identifier"] = 40, ["profession"] = 100, ["address"] = 500,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] OfficerRoles = ["President", "VicePresident", "Manager", "Secretary", "Treasurer", "BoardMember", "Administrator", "Auditor"];

    private static readonly Guid Namespace = new("6f1c2a7e-3b9d-4c51-9a0e-52e7d1f0c8a4");

    private static readonly FrozenDictionary<string, int> ColumnIndex =
        Columns.Index().ToFrozenDictionary(c => c.Item, c => c.Index, StringComparer.Ordinal);

    /// <summary>
    /// The columns whose values come from a small set (codes, roles, dates, small numbers): each distinct value of at
    /// most 32 characters is kept once for the whole file rather than once per row (a longer one is no code, and the
    /// pool must not grow with a hostile file's values).
    /// </summary>
    private static readonly bool[] Pooled = [.. Columns.Select(c => c is "legal_form" or "sector_code" or "province_code" or "founding_date"
        or "registered_on" or "financial_year_end" or "share_value" or "person_role" or "member_kind" or "birth_date" or "gender"
        or "nationality" or "shares_subscribed" or "shares_paid" or "profession" or "mandate_start" or "mandate_end")];

    /// <summary>
    /// A data row: its cells by position in <see cref="Columns"/>, null where empty or not in the header. Once checked,
    /// a row other than its organisation's first keeps only the person's cells (the organisation's are the first's).
    /// </summary>
    internal readonly record struct Row(int Line, string?[] Cells)
    {
        public string? this[string column]
        {
            get
            {
                var c = ColumnIndex[column];
                return Cells.Length == Columns.Length ? Cells[c]
                    : c >= OrganizationColumns.Length ? Cells[c - OrganizationColumns.Length]
                    : throw new InvalidOperationException($"{column} is read from the organisation's first row");
            }
        }

        public Row PersonOnly() => this with { Cells = Cells[OrganizationColumns.Length..] };
    }

    /// <summary>
    /// An organisation's rows as they are read. Once one of them is bad the organisation is rejected whole and its
    /// rows are let go: the report needs only their line numbers and the reasons.
    /// </summary>
    internal sealed class Organization(string sourceKey)
    {
        private List<Row>? _rows = [];
        private Row? _first;

        public string SourceKey { get; } = sourceKey;

        /// <summary>Its first row that could be read: the organisation's columns are taken from it.</summary>
        public Row First => _first ?? throw new InvalidOperationException($"no row of {SourceKey} could be read");

        /// <summary>Whether a row of it could be read (its other rows may have been refused whole, or swallowed).</summary>
        public bool HasFirst => _first is not null;

        /// <summary>The rows, for an organisation not rejected while reading.</summary>
        public List<Row> Rows => _rows ?? throw new InvalidOperationException($"the rows of {SourceKey} were let go when it was rejected");

        /// <summary>Every row's line, kept for the report (which sorts them).</summary>
        public List<int> Lines { get; } = [];
        public List<(int Line, string Reason)> Problems { get; } = [];

        /// <summary>The members' CINs seen so far (while reading only).</summary>
        public HashSet<string>? MemberCins { get; set; }
        public Guid Id => NameBasedGuid("organization:" + SourceKey);
        public Guid ApplicationId => NameBasedGuid("application:" + SourceKey);
        public string? RegistrationNumber { get; set; }

        /// <summary>Its names as the registry compares them (NameNormalizer, as for a reservation); "" for none.</summary>
        public string NormalizedAr => _normalizedAr ??= NormalizedName("name_ar");
        public string NormalizedLatin => _normalizedLatin ??= NormalizedName("name_latin");
        private string? _normalizedAr;
        private string? _normalizedLatin;

        // A name with bytes that are not UTF-8 is no name to compare (its organisation is rejected for it).
        private string NormalizedName(string column) =>
            HasFirst && First[column] is { } name && !name.Contains('\uFFFD', StringComparison.Ordinal)
                ? column == "name_ar" ? NameNormalizer.NormalizeArabic(name) : NameNormalizer.NormalizeLatin(name)
                : "";

        /// <summary>Takes its first readable row, before it is checked.</summary>
        public void Describe(Row row) => _first = row;

        /// <summary>Takes a row once checked: its person's cells while the organisation stands, its line in any case.</summary>
        public void Add(Row row)
        {
            Lines.Add(row.Line);
            _rows?.Add(row.Line == First.Line ? row : row.PersonOnly());
            if (Problems.Count > 0)
            {
                _rows = null;
            }
        }

        /// <summary>
        /// A row of it that could not be read as one (refused for its fields, or swallowed by another record): the
        /// organisation would be loaded without it, so it is rejected.
        /// </summary>
        public void Refuse(int line, string reason)
        {
            Lines.Add(line);
            Problems.Add((line, reason));
            _rows = null;
        }
    }

    public async Task<ImportResult> RunAsync(string file, string? reportPath, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.Open(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var reference = await ReferenceData.LoadAsync(connection, cancellationToken);
        var today = Casablanca.Today(TimeProvider.System);

        // 1. Read and check every row as it comes, grouped by organisation (the rows of one need not be together).
        // Grouping is what holds the file in memory, so a row keeps only its cells, the values that repeat are kept
        // once, and the rows of a rejected organisation are let go.
        var organizations = new Dictionary<string, Organization>(StringComparer.Ordinal);
        var rejectedRows = new List<(int Line, string? SourceKey, string Reason)>();
        var pool = new HashSet<string>(StringComparer.Ordinal);
        using var sha256 = SHA256.Create(); // of the bytes read, so that the audit names the file as it was imported
        using (var reader = new StreamReader(new CryptoStream(File.OpenRead(file), sha256, CryptoStreamMode.Read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            int[]? positions = null; // for each field of the header, its column in Columns
            var keyField = -1; // the header's position of source_key
            // Keys read loosely from a line whose quotes went wrong: believed once the file is read, and only when they name
            // an organisation of the file (Own: the line began the refused record, which is reported in any case).
            var loose = new List<(int Line, string Key, string Reason, bool Own)>();
            foreach (var (line, lastLine, fields, fieldCount, cut, broken, leftOpen, lineKeys) in Csv.Read(reader, () => keyField))
            {
                if (positions is null)
                {
                    string[] header = [.. fields.Select(f => f.Trim().ToLowerInvariant())];
                    CheckHeader(file, header, fieldCount);
                    positions = [.. header.Select(c => ColumnIndex[c])];
                    keyField = Array.IndexOf(positions, ColumnIndex["source_key"]);
                    continue;
                }

                if (!cut && !broken && fields.TrueForAll(string.IsNullOrWhiteSpace))
                {
                    continue; // only commas and spaces: a blank line as a spreadsheet saves one
                }

                // A quote left open makes the lines after it one record: say which lines, since none of them is read.
                var span = lastLine > line ? $" (the record runs from line {line} to line {lastLine}{(broken ? ": is a quote left open?" : "")})"
                    : leftOpen ? " (the file ends inside a quoted field: is a quote left open?)" : "";
                if (cut || broken || fieldCount != positions.Length)
                {
                    // Refused whole, but still a row of its organisation when its source key can be read: the
                    // organisation would otherwise be loaded without it. So would those whose rows it swallowed.
                    var reason = cut ? $"a field is longer than {Csv.MaxFieldLength} characters{span}"
                        : fieldCount != positions.Length ? $"{fieldCount} fields where the header has {positions.Length}{span}"
                        : span.Length > 0 ? $"a quote is misplaced{span}"
                        : "a quote is misplaced (text follows the closing quote of a field)";
                    if (!broken)
                    {
                        // Its quotes all closed where fields end: its fields are the file's, line breaks included.
                        if (RefusedRecordKey(fields, keyField) is { } refusedKey)
                        {
                            OrganizationOf(refusedKey).Refuse(line, reason);
                        }
                        else
                        {
                            rejectedRows.Add((line, null, reason));
                        }

                        continue;
                    }

                    // A quote went wrong: its fields are not those of its lines. Each line is read alone for its key, the
                    // first one (this record's own row) and those it swallowed.
                    if (lineKeys?.Find(k => k.Line == line) is { Key: not null } own)
                    {
                        Refuse(own, reason, isOwn: true);
                    }
                    else
                    {
                        rejectedRows.Add((line, null, reason));
                    }

                    foreach (var swallowed in lineKeys ?? [])
                    {
                        if (swallowed.Line > line)
                        {
                            Refuse(swallowed, $"a row of it was swallowed by the record at lines {line}–{lastLine}", isOwn: false);
                        }
                    }

                    continue;
                }

                var cells = new string?[Columns.Length];
                for (var i = 0; i < fields.Count; i++)
                {
                    var column = positions[i];
                    var value = fields[i].Trim();
                    cells[column] = value.Length == 0 ? null
                        : Pooled[column] && value.Length <= 32 ? Shared(value)
                        : value;
                }

                var row = new Row(line, cells);
                var key = row["source_key"];
                if (key is null)
                {
                    rejectedRows.Add((line, null, "source_key is required"));
                    continue;
                }

                var organization = OrganizationOf(key);
                if (!organization.HasFirst)
                {
                    organization.Describe(row);
                }

                Check(organization, row, reference, today);
                organization.Add(row);
            }

            if (positions is null)
            {
                throw new UsageException($"{file}: the file is empty: the first line must be the header (docs/import-format.md)");
            }

            foreach (var (line, key, reason, own) in loose)
            {
                if (organizations.TryGetValue(key, out var organization))
                {
                    organization.Refuse(line, reason);
                }
                else if (own)
                {
                    rejectedRows.Add((line, null, reason));
                }
            }

            Organization OrganizationOf(string key)
            {
                if (!organizations.TryGetValue(key, out var organization))
                {
                    organizations[key] = organization = new Organization(key);
                }

                return organization;
            }

            // A line's key read as CSV names its organisation, which would otherwise be loaded without that row (or,
            // all its rows swallowed, be missing from the report). One read loosely may be a piece of another field:
            // it waits for the end of the file, where it counts only if it names an organisation of the file.
            void Refuse(LineKey at, string reason, bool isOwn)
            {
                if (at.Loose)
                {
                    loose.Add((at.Line, at.Key, reason, isOwn));
                }
                else
                {
                    OrganizationOf(at.Key).Refuse(at.Line, reason);
                }
            }

            string Shared(string value)
            {
                if (!pool.TryGetValue(value, out var kept))
                {
                    pool.Add(kept = value);
                }

                return kept;
            }
        }

        var fileSha256 = Convert.ToHexStringLower(sha256.Hash!);
        CheckNumbersInFile(organizations.Values);
        CheckDamagedKeys(organizations);
        foreach (var organization in organizations.Values)
        {
            organization.MemberCins = null; // needed only while more of its rows could come
            CheckCapital(organization);
            CheckOfficers(organization);
        }

        // The report is opened before anything is loaded: an unwritable report path must not leave the operator
        // with a committed import and no list of what was rejected.
        await using var report = reportPath is null ? null : OpenReport(file, reportPath);

        // 2. In one transaction, after any other import or generate run has ended (BulkLoadLock): skip what is already
        // imported, check numbers against the registry, number, stage, insert.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await BulkLoadLock.HoldForTransactionAsync(connection, transaction, output, cancellationToken);
        var importedAt = TimeProvider.System.GetUtcNow(); // once any other bulk load has ended: when this one takes effect
        var candidates = organizations.Values.Where(o => o.Problems.Count == 0).ToList();
        var existing = await ExistingAsync(connection, transaction, [.. candidates.Select(o => o.Id)], cancellationToken);
        var alreadyPresent = 0;
        foreach (var organization in candidates.Where(o => existing.ContainsKey(o.Id)))
        {
            // Already imported: left as it is. The same rows are what makes a re-run change nothing; other rows (a file
            // corrected since) are not applied either, and the operator is told so rather than "unchanged".
            var (number, rowsSha256) = existing[organization.Id];
            var reason = organization.RegistrationNumber is { } given && given != number
                ? $"already in the registry as {number}, not {given}: nothing of it is changed"
                : rowsSha256 is not null && rowsSha256 != RowsSha256(organization)
                    ? "already in the registry, imported with other values than these: not changed (a registered organisation changes by declarations)"
                    : null;
            if (reason is null)
            {
                alreadyPresent++;
                continue;
            }

            foreach (var line in organization.Lines)
            {
                organization.Problems.Add((line, reason));
            }
        }

        // Names once the organisations already imported are known: one of them is not the double of itself.
        CheckNamesInFile(organizations.Values, o => existing.ContainsKey(o.Id));
        candidates = [.. candidates.Where(o => !existing.ContainsKey(o.Id))];
        if (candidates.Any(o => o.Problems.Count == 0 && IsUniqueName(o)))
        {
            await LockNamesAsync(connection, transaction, cancellationToken);
        }
        await CheckNamesAsync(connection, transaction, [.. candidates.Where(o => o.Problems.Count == 0)], importedAt, cancellationToken);
        await CheckNumbersAsync(connection, transaction, candidates, cancellationToken);
        await NumberAsync(connection, transaction, [.. candidates.Where(o => o.Problems.Count == 0)], reference, cancellationToken);
        var accepted = candidates.Where(o => o.Problems.Count == 0).ToList();
        int members, officers;
        try
        {
            (members, officers) = await StageAndInsertAsync(connection, transaction, accepted, today, importedAt, Path.GetFileName(file), fileSha256, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Not another import nor the generator (they wait for this one), but a writer outside the lock: an
            // approval given a kept number between its check and the insert, say.
            throw new InvalidOperationException(
                $"nothing was imported: another writer registered an organisation or a registration number of this file while it was being imported ({e.ConstraintName}); " +
                "run the import again: what is already there is then skipped or reported", e);
        }

        // 3. The report: every row of a rejected organisation, with the reasons.
        foreach (var organization in organizations.Values.Where(o => o.Problems.Count > 0))
        {
            var reasons = organization.Problems.GroupBy(p => p.Line).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(p => p.Reason)));
            foreach (var line in organization.Lines)
            {
                rejectedRows.Add((line, organization.SourceKey, reasons.GetValueOrDefault(line, "organisation rejected: another of its rows is invalid")));
            }
        }

        var rejectedOrganizations = organizations.Values.Count(o => o.Problems.Count > 0);
        rejectedRows.Sort((a, b) => a.Line.CompareTo(b.Line)); // a line is one record's start or one swallowed line: the order is total
        if (report is not null)
        {
            await report.WriteLineAsync("line,source_key,reasons");
            foreach (var (line, key, reason) in rejectedRows)
            {
                await report.WriteLineAsync($"{line},{Csv.Escape(key)},{Csv.Escape(reason)}");
            }
        }

        output.WriteLine($"imported {accepted.Count:N0} organisations ({members:N0} members, {officers:N0} officers); " +
                         $"{alreadyPresent:N0} already present (unchanged); rejected {rejectedOrganizations:N0} organisations, {rejectedRows.Count:N0} rows" +
                         (reportPath is not null && rejectedRows.Count > 0 ? $" (reasons in {reportPath})" : ""));
        foreach (var (line, key, reason) in rejectedRows.Take(20))
        {
            output.WriteLine($"  line {line} ({Csv.Printable(key ?? "")}): {Csv.Printable(reason)}");
        }

        return new ImportResult(accepted.Count, members, officers, alreadyPresent, rejectedOrganizations, rejectedRows.Count);
    }

    private static StreamWriter OpenReport(string file, string reportPath)
    {
        if (string.Equals(Path.GetFullPath(reportPath), Path.GetFullPath(file), StringComparison.Ordinal))
        {
            throw new UsageException($"--report {reportPath} is the input file: the report would overwrite it");
        }

        try
        {
            return new StreamWriter(reportPath, false, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"the report {reportPath} cannot be written ({e.Message}); nothing was imported", e);
        }
    }

    /// <summary>
    /// The header names each required column, no unknown one and none twice. A first line that names no column at
    /// all is no header, and none of its cells is shown; otherwise the message names only column names, shortened and
    /// at most ten of them: a file read as a single line would otherwise echo its data rows, names and CINs.
    /// </summary>
    private static void CheckHeader(string file, string[] header, int fieldCount)
    {
        var missing = Columns.Take(16).Except(header, StringComparer.Ordinal).ToList();
        var unknown = header.Except(Columns, StringComparer.Ordinal).ToList();
        var duplicated = header.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (!header.Intersect(Columns, StringComparer.Ordinal).Any())
        {
            // Not a header at all (a data row, or another file): its cells may be names and CINs, so none is shown. Two
            // common mistakes are named: a file saved as UTF-16 without a byte-order mark (every other byte a NUL), and a
            // spreadsheet's "CSV" separated by semicolons or tabs.
            var separator = header.Length == 1 ? new[] { ';', '\t' }.FirstOrDefault(
                s => header[0].Split(s).Select(c => c.Trim()).Intersect(Columns, StringComparer.Ordinal).Any()) : default;
            throw new UsageException($"{file}: " + (
                header.Any(c => c.Contains('\0', StringComparison.Ordinal))
                    ? "the first line holds NUL characters: is the file UTF-16 without a byte-order mark? Save it as UTF-8"
                : separator != default
                    ? $"the columns are separated by {(separator == ';' ? "semicolons" : "tabs")}: the separator is a comma (docs/import-format.md)"
                : "the first line names none of the columns of docs/import-format.md: the header row is missing"));
        }

        if (missing.Count > 0 || unknown.Count > 0 || duplicated.Count > 0 || fieldCount != header.Length)
        {
            throw new UsageException($"{file}: the header must name the columns of docs/import-format.md, each once" +
                (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "") +
                (unknown.Count > 0 ? $"; unknown: {Names(unknown)}" : "") +
                (duplicated.Count > 0 ? $"; more than once: {Names(duplicated)}" : "") +
                (fieldCount != header.Length ? $"; it has {fieldCount} fields" : ""));
        }

        static string Names(List<string> names) =>
            string.Join(", ", names.Take(10).Select(Shorten)) + (names.Count > 10 ? $" and {names.Count - 10} more" : "");

        static string Shorten(string name)
        {
            if (name.Length == 0)
            {
                return "an empty name (a comma too many?)";
            }

            var shown = Csv.Printable(name.Length > 40 ? name[..40] : name);
            return name.Length > 40 ? shown + "…" : shown;
        }
    }

    /// <summary>
    /// Checks a row as it is read: its text; on an organisation's first row the organisation's columns, on the
    /// others that they repeat the first's; then the person it describes.
    /// </summary>
    private static void Check(Organization organization, Row row, ReferenceData reference, DateOnly today)
    {
        var first = organization.First;
        void Problem(Row at, string reason) => organization.Problems.Add((at.Line, reason));

        // Text is checked as the API checks it: a byte that is not UTF-8 (decoded as U+FFFD), a control
        // character or a bidirectional override never reaches the registry.
        for (var c = 0; c < Columns.Length; c++)
        {
            if (row.Cells[c] is not { } text)
            {
                continue;
            }

            var column = Columns[c];
            if (text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                Problem(row, $"{column} is not valid UTF-8");
            }
            else if (!TextRules.IsClean(text, multiline: IsMultiline(column)))
            {
                Problem(row, $"{column} holds control characters or bidirectional overrides");
            }

            if (PersonTextLimits.TryGetValue(column, out var limit) && text.Length > limit)
            {
                Problem(row, $"{column} is longer than {limit} characters");
            }
        }

        if (row.Line == first.Line)
        {
            CheckOrganization(organization, reference, today);
        }
        else
        {
            var differing = OrganizationColumns.Where(c => row[c] != first[c]).ToList();
            if (differing.Count > 0)
            {
                Problem(row, $"organisation columns differ from line {first.Line}: {string.Join(", ", differing)}");
            }
        }

        CheckPerson(organization, row, today);
    }

    private static void CheckOrganization(Organization organization, ReferenceData reference, DateOnly today)
    {
        var first = organization.First;
        void Problem(Row at, string reason) => organization.Problems.Add((at.Line, reason));

        var form = first["legal_form"];
        if (form is not ("COOP" or "UNION" or "ASSO" or "MUTU"))
        {
            Problem(first, $"legal_form '{form}' is not COOP, UNION, ASSO or MUTU");
        }

        if (first["name_ar"] is null && first["name_latin"] is null)
        {
            Problem(first, "a name in Arabic or in Latin script is required");
        }

        foreach (var column in new[] { "name_ar", "name_latin" })
        {
            if (first[column] is not { } name || name.Contains('\uFFFD', StringComparison.Ordinal))
            {
                continue; // none, or bytes that are not UTF-8: reported with the text
            }

            // The API's rules (TextRules), each refused here with one reason naming the column.
            switch (TextRules.CheckOrganizationName(name, column == "name_ar" ? NameScript.Arabic : NameScript.Latin))
            {
                case OrganizationNameFault.TooLong:
                    Problem(first, $"{column} is longer than {TextRules.MaxOrganizationNameLength} characters");
                    break;
                case OrganizationNameFault.FirstCharacter:
                    Problem(first, $"{column} must begin with a letter or a digit");
                    break;
                case OrganizationNameFault.OnlyLegalForm:
                    Problem(first, $"{column} '{name}' is only a legal form: a name says which organisation it is");
                    break;
                case OrganizationNameFault.WrongScript:
                    // A name in the other script would escape the comparison with the names of its own.
                    Problem(first, column == "name_ar" ? "name_ar is not written in Arabic letters: put a Latin name in name_latin"
                        : "name_latin is written in Arabic letters: put it in name_ar");
                    break;
            }
        }

        if (first["sector_code"] is not { } sectorCode || !reference.Sectors.TryGetValue(sectorCode, out var sector))
        {
            Problem(first, $"sector_code '{first["sector_code"]}' is not in the sector list");
        }
        else if (form is "COOP" or "UNION" or "ASSO" or "MUTU" && !sector.AppliesTo.Contains(form))
        {
            Problem(first, $"sector {sectorCode} does not apply to {form}");
        }

        Province? province = null;
        if (first["province_code"] is not { } provinceCode || !reference.ProvincesByCode.TryGetValue(provinceCode, out province))
        {
            Problem(first, $"province_code '{first["province_code"]}' is not one of the 75 prefectures and provinces");
        }

        if (first["seat_address"] is not { Length: <= 500 })
        {
            Problem(first, "seat_address is required (at most 500 characters)");
        }

        var founding = Date(first, "founding_date", required: true, Problem, latest: today);
        var registered = Date(first, "registered_on", required: true, Problem, latest: today);
        if (founding is not null && registered is not null && registered < founding)
        {
            Problem(first, "registered_on is before founding_date");
        }

        if (first["financial_year_end"] is { } fye && !ApplicationInputValidator.BeAMonthDay(fye))
        {
            Problem(first, $"financial_year_end '{fye}' is not MM-DD");
        }

        if (first["ice"] is { } ice && !ApplicationInputValidator.BeAnIce(ice))
        {
            Problem(first, $"ICE '{ice}' is not 15 digits divisible by 97");
        }

        // Digits and a decimal point only: "100,50" (a decimal comma) or "1 000" must not be read as 10050 or 1000. At most
        // what the API accepts (ApplicationInputValidator: 100,000,000 MAD, centimes).
        if (first["share_value"] is { } shareValue && !(AmountPattern().IsMatch(shareValue)
            && decimal.TryParse(shareValue, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= MaxShareValue))
        {
            Problem(first, FormattableString.Invariant(
                $"share_value '{shareValue}' is not a positive amount of at most {MaxShareValue:N0} MAD written like 1250.50 (digits, at most 2 decimals after a point)"));
        }

        // As the API checks them (ApplicationInputValidator): TextRules.Email; digits and spaces, + first.
        if (first["contact_email"] is { } email && (email.Length > TextRules.MaxEmailLength || !TextRules.IsEmailAddress(email)))
        {
            Problem(first, "contact_email is not an e-mail address");
        }

        if (first["contact_phone"] is { } phone && !PhonePattern().IsMatch(phone))
        {
            Problem(first, $"contact_phone '{phone}' is not 6 to 20 digits or spaces, + first");
        }

        if (first["registration_number"] is { } number)
        {
            if (!RegistrationNumber.TryParse(number, out var parsed))
            {
                Problem(first, $"registration_number '{number}' is not FORM-RR-YYYY-NNNNNN");
            }
            else if (parsed.LegalForm.ToString() != form || parsed.RegionCode != province?.RegionCode || parsed.Year != registered?.Year)
            {
                List<string> differing = [];
                if (parsed.LegalForm.ToString() != form)
                {
                    differing.Add($"legal_form {form}");
                }

                if (parsed.RegionCode != province?.RegionCode)
                {
                    differing.Add(province is null ? "the province's region (unknown province)" : $"the region {province.RegionCode} of province {province.Code}");
                }

                if (parsed.Year != registered?.Year)
                {
                    differing.Add(registered is { } r ? $"the year {r.Year} of registered_on" : "the year of registered_on (no valid date)");
                }

                Problem(first, $"registration_number '{number}' does not match {string.Join(", nor ", differing)}");
            }
            else
            {
                organization.RegistrationNumber = parsed.Value;
            }
        }
    }

    /// <summary>A member or an officer (nothing for a row that only describes the organisation).</summary>
    private static void CheckPerson(Organization organization, Row row, DateOnly today)
    {
        void Problem(Row at, string reason) => organization.Problems.Add((at.Line, reason));

        var role = row["person_role"];
        if (role is null)
        {
            return; // an organisation row without a person
        }

        var isMember = role == "Member";
        if (!isMember && !OfficerRoles.Contains(role))
        {
            Problem(row, $"person_role '{role}' is neither Member nor one of {string.Join(", ", OfficerRoles)}");
            return;
        }

        var kind = row["member_kind"] ?? "NaturalPerson";
        if (isMember && kind == "LegalPerson")
        {
            if (row["legal_name"] is null)
            {
                Problem(row, "a legal-person member needs legal_name");
            }
        }
        else if (kind == "LegalPerson")
        {
            // An officer is named with a CIN and a birth date (registry.organization_officers has no legal name).
            Problem(row, $"an officer ({role}) must be a natural person: member_kind LegalPerson is for members only");
        }
        else if (kind != "NaturalPerson")
        {
            Problem(row, $"member_kind '{kind}' is neither NaturalPerson nor LegalPerson");
        }
        else
        {
            if (row["full_name_ar"] is null && row["full_name_latin"] is null)
            {
                Problem(row, "full_name_ar or full_name_latin is required");
            }

            if (row["cin"] is not { } cin || !CinPattern().IsMatch(cin))
            {
                Problem(row, $"CIN '{row["cin"]}' is not 1–2 upper-case letters then 1–6 digits");
            }
            else if (isMember && !(organization.MemberCins ??= new(StringComparer.Ordinal)).Add(cin))
            {
                Problem(row, $"CIN {cin} appears twice among the members");
            }

            Date(row, "birth_date", required: isMember, Problem, latest: today);

            if (isMember && row["gender"] is not ("Female" or "Male"))
            {
                Problem(row, $"gender '{row["gender"]}' is neither Female nor Male");
            }
        }

        if (isMember)
        {
            var subscribed = Int(row, "shares_subscribed", Problem);
            var paid = Int(row, "shares_paid", Problem);
            if (paid > subscribed && subscribed >= 0)
            {
                Problem(row, "shares_paid exceeds shares_subscribed");
            }
        }
        else
        {
            // As the API accepts them (OfficerInputValidator), which keeps a date clear of 9999-12-31, stored as infinity.
            var start = Date(row, "mandate_start", required: true, Problem, latest: Registry.Application.Applications.OfficerInputValidator.LatestMandateStart, latestIsToday: false);
            var end = Date(row, "mandate_end", required: true, Problem, latest: Registry.Application.Applications.OfficerInputValidator.LatestMandateEnd, latestIsToday: false);
            if (start is not null && end is not null && end <= start)
            {
                Problem(row, "mandate_end is not after mandate_start");
            }
        }
    }

    private static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>
    /// A date yyyy-MM-dd from 1900-01-01 (as the API accepts them) to <paramref name="latest"/> when given: today for the
    /// dates of what has happened, a fixed date for mandates.
    /// </summary>
    private static DateOnly? Date(Row row, string column, bool required, Action<Row, string> problem, DateOnly? latest = null, bool latestIsToday = true)
    {
        if (row[column] is not { } text)
        {
            if (required)
            {
                problem(row, $"{column} is required (yyyy-MM-dd)");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problem(row, $"{column} '{text}' is not a date yyyy-MM-dd");
            return null;
        }

        if (date < EarliestDate || date > latest)
        {
            problem(row, latest is not { } last
                ? FormattableString.Invariant($"{column} {text} is out of the accepted range, {EarliestDate:yyyy-MM-dd} or later")
                : latestIsToday ? FormattableString.Invariant($"{column} {text} is out of the accepted range, {EarliestDate:yyyy-MM-dd} to today ({last:yyyy-MM-dd})")
                : FormattableString.Invariant($"{column} {text} is out of the accepted range, {EarliestDate:yyyy-MM-dd} to {last:yyyy-MM-dd}"));
            return null;
        }

        return date;
    }

    /// <summary>
    /// The capital is the members' subscribed shares times the share value, summed over the organisation's rows, so
    /// it is checked once they are all read: beyond what the registry's capital columns hold (numeric(16,2)) it
    /// would fail the whole load rather than this organisation.
    /// </summary>
    private static void CheckCapital(Organization organization)
    {
        if (organization.Problems.Count > 0 || organization.First["share_value"] is not { } shareValue)
        {
            return;
        }

        var value = decimal.Parse(shareValue, NumberStyles.Number, CultureInfo.InvariantCulture);
        var shares = organization.Rows.Where(r => r["person_role"] == "Member").Sum(r => (decimal)IntOf(r["shares_subscribed"]));
        if (shares * value >= MaxCapital)
        {
            organization.Problems.Add((organization.First.Line,
                FormattableString.Invariant($"the subscribed capital ({shares} shares of {value} MAD) is not below {MaxCapital:0} MAD")));
        }
    }

    private const decimal MaxCapital = 100_000_000_000_000m;

    /// <summary>
    /// PERSON_CIN as the API has it (Registry.Domain.Legal.PersonCin), once all of an organisation's rows are read (they
    /// need not be together): no CIN twice among the officers, and an officer sharing a member's CIN is that member.
    /// </summary>
    private static void CheckOfficers(Organization organization)
    {
        if (organization.Problems.Count > 0)
        {
            return;
        }

        var members = organization.Rows
            .Where(r => r["person_role"] == "Member" && r["member_kind"] is null or "NaturalPerson" && r["cin"] is not null)
            .GroupBy(r => r["cin"]!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var officers = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var officer in organization.Rows.Where(r => r["person_role"] is { } role && role != "Member" && r["cin"] is not null))
        {
            var cin = officer["cin"]!;
            if (!officers.TryAdd(cin, officer))
            {
                organization.Problems.Add((officer.Line, $"CIN {cin} appears twice among the officers (line {officers[cin].Line})"));
            }

            if (members.TryGetValue(cin, out var member) && !PersonCin.CanBeOnePerson(
                ParseDate(member["birth_date"]), member["full_name_ar"], member["full_name_latin"],
                ParseDate(officer["birth_date"]), officer["full_name_ar"], officer["full_name_latin"]))
            {
                organization.Problems.Add((officer.Line, $"CIN {cin} is the member's at line {member.Line}, who is not this officer (another birth date or name)"));
            }
        }
    }

    /// <summary>A whole number of shares, 0 to 100,000,000 as the API accepts it; -1 when it is not one (reported).</summary>
    private static int Int(Row row, string column, Action<Row, string> problem)
    {
        if (row[column] is not { } text)
        {
            return 0;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxShares)
        {
            return n;
        }

        problem(row, text.All(char.IsAsciiDigit)
            ? FormattableString.Invariant($"{column} {text} is more than {MaxShares:N0}")
            : $"{column} '{text}' is not a whole number ≥ 0 in digits");
        return -1;
    }

    private const int MaxShares = Registry.Application.Applications.MemberInputValidator.MaxShares;

    private const decimal MaxShareValue = Registry.Application.Applications.ApplicationInputValidator.MaxShareValue;

    /// <summary>A name-based UUID (version 8, SHA-256 of the name): the same source key always gives the same id.</summary>
    internal static Guid NameBasedGuid(string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(input[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>
    /// The organisations of these ids already in the registry: their number and, when this import's audit entry recorded
    /// it, the SHA-256 of the rows they were imported from (<see cref="RowsSha256"/>).
    /// </summary>
    private static async Task<Dictionary<Guid, (string Number, string? RowsSha256)>> ExistingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, (string, string?)>();
        await using var command = new NpgsqlCommand("""
            SELECT o.id, o.registration_number, a.changes ->> 'rowsSha256'
            FROM registry.organizations o
            LEFT JOIN registry.audit_entries a ON a.organization_id = o.id AND a.action = 'organization.imported'
            WHERE o.id = ANY($1)
            """, connection, transaction) { Parameters = { new() { Value = ids } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetGuid(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        return result;
    }

    /// <summary>
    /// The SHA-256 of an organisation's rows as they are imported: its columns (but the registration number, which the
    /// import may assign) and its rows' person columns, trimmed, rows in any order, header in any order. Recorded in its
    /// audit entry, so that a later import of other rows for the same source key is told apart from a re-run.
    /// </summary>
    internal static string RowsSha256(Organization organization)
    {
        // U+001E and U+001F separate rows and cells: control characters, which no value of a loaded row holds.
        var text = new StringBuilder();
        foreach (var column in OrganizationColumns.Where(c => c != "registration_number"))
        {
            text.Append(organization.First[column]).Append('\u001f');
        }

        foreach (var person in organization.Rows.Select(r => string.Join('\u001f', Columns.Skip(OrganizationColumns.Length).Select(c => r[c]))).Order(StringComparer.Ordinal))
        {
            text.Append('\u001e').Append(person);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// A number is kept only when it appears once in the file. Given to two organisations (or more), none keeps it: the
    /// file does not say which of them the old register gave it to, so each is rejected naming the others' keys (at
    /// most three of them), whatever else is wrong with them.
    /// </summary>
    private static void CheckNumbersInFile(IEnumerable<Organization> organizations)
    {
        var shared = organizations.Where(o => o.HasFirst && o.First["registration_number"] is not null)
            .GroupBy(o => o.First["registration_number"]!, StringComparer.Ordinal)
            .Where(g => g.Skip(1).Any());
        foreach (var group in shared)
        {
            var holders = group.ToList();
            foreach (var organization in holders)
            {
                var others = holders.Where(o => o != organization).Select(o => o.SourceKey).ToList();
                var named = others.Count == 1 ? $"source key {others[0]}"
                    : $"source keys {string.Join(", ", others.Take(3))}" + (others.Count > 3 ? $" and {others.Count - 3} more" : "");
                organization.Problems.Add((organization.First.Line, $"registration_number {group.Key} is also given to {named} in this file"));
            }
        }
    }

    /// <summary>
    /// A source key with control characters, bidirectional overrides or bytes that are not UTF-8 (read as U+FFFD) is its
    /// own organisation, rejected for it; but its row may be one of another organisation's, whose key it is once damaged,
    /// and that one must not be loaded without it. So an organisation whose key the damaged key may be is rejected too,
    /// naming the damaged line: the damaged key with those characters taken out (a control character or a stray byte
    /// added), or with each U+FFFD standing for one character that is not ASCII (a byte ≥ 0x80 is all an encoding error
    /// replaces: é, or an Arabic letter, saved in Latin-1 or Windows-1256 rather than UTF-8). When the key cannot be told,
    /// every key of the file it may be is rejected: an organisation is never loaded without a row of it.
    /// </summary>
    private static void CheckDamagedKeys(Dictionary<string, Organization> organizations)
    {
        var damaged = organizations.Values.Where(o => IsDamaged(o.SourceKey)).ToList();
        if (damaged.Count == 0)
        {
            return;
        }

        // The sound keys by their shape, every character that is not ASCII as U+FFFD: built only for a file with an
        // encoding error in a key; a key of the right shape is then compared character by character.
        Dictionary<string, List<Organization>>? byShape = null;
        var flagged = new HashSet<Organization>();
        foreach (var organization in damaged)
        {
            var intended = new HashSet<Organization>();
            if (WithoutDamage(organization.SourceKey, keepReplacement: false) is { Length: > 0 } removed
                && organizations.TryGetValue(removed, out var same) && !IsDamaged(same.SourceKey))
            {
                intended.Add(same);
            }

            if (organization.SourceKey.Contains('\uFFFD', StringComparison.Ordinal)
                && WithoutDamage(organization.SourceKey, keepReplacement: true) is { Length: > 0 } kept)
            {
                byShape ??= organizations.Values.Where(o => !IsDamaged(o.SourceKey))
                    .GroupBy(o => Shape(o.SourceKey), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                var shape = Shape(kept);
                if (byShape.TryGetValue(shape, out var shaped))
                {
                    intended.UnionWith(shaped.Where(o => MayBe(kept, o.SourceKey)));
                }
            }

            var lines = organization.Lines.Count == 1 ? $"line {organization.Lines[0]}"
                : $"lines {string.Join(", ", organization.Lines.Order().Take(5))}" + (organization.Lines.Count > 5 ? "…" : "");
            foreach (var other in intended.Where(o => o.HasFirst && flagged.Add(o)))
            {
                other.Problems.Add((other.First.Line,
                    $"the source key at {lines} is damaged (control characters or bytes that are not UTF-8) and may be this one: that row may be of this organisation, which is not loaded without it"));
            }
        }

        static bool IsDamaged(string key) =>
            key.Contains('\uFFFD', StringComparison.Ordinal) || !TextRules.IsClean(key);

        // Control characters, bidirectional overrides and lone surrogates taken out; U+FFFD taken out or kept.
        static string WithoutDamage(string key, bool keepReplacement)
        {
            var text = new StringBuilder(key.Length);
            for (var i = 0; i < key.Length; i++)
            {
                var c = key[i];
                if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
                {
                    text.Append(c).Append(key[++i]);
                }
                else if (!(TextRules.IsForbidden(c) || char.IsSurrogate(c) || (c == '\uFFFD' && !keepReplacement)))
                {
                    text.Append(c);
                }
            }

            return text.ToString().Trim();
        }

        static string Shape(string key) => string.Create(key.Length, key, static (span, key) =>
        {
            for (var i = 0; i < key.Length; i++)
            {
                span[i] = char.IsAscii(key[i]) ? key[i] : '\uFFFD';
            }
        });

        // Of the same shape: each U+FFFD of the damaged key is some character that is not ASCII, the others the same.
        static bool MayBe(string damagedKey, string key)
        {
            for (var i = 0; i < key.Length; i++)
            {
                if (damagedKey[i] != key[i] && damagedKey[i] != '\uFFFD')
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The same organisation under two source keys is refused as the registry refuses a name (SPEC §4, decree 2-15-617):
    /// a cooperative's or a union's normalised Arabic or Latin name (NameNormalizer, the registry's comparison key) is
    /// one organisation's, so a COOP or UNION sharing it with another organisation of the file, of any form, is rejected
    /// naming the other's source key (at most three). Associations' and mutuals' names repeat (an association "Al Amal"
    /// in many communes of one province), so one is a probable double only when its legal form, a normalised name, its
    /// province and its founding date are all another's. An organisation already imported under its source key (a re-run)
    /// is not compared: it stays "already present", and a newcomer sharing its name is refused by
    /// <see cref="CheckNamesAsync"/>, which names its registration number.
    /// </summary>
    private static void CheckNamesInFile(IEnumerable<Organization> organizations, Func<Organization, bool> isPresent)
    {
        // Those already imported are left out: they are no doubles of themselves, and a newcomer sharing the name of one
        // is told its registration number by the check against the registry.
        var named = organizations.Where(o => o.HasFirst && o.First["legal_form"] is "COOP" or "UNION" or "ASSO" or "MUTU" && !isPresent(o)).ToList();
        var byName = new Dictionary<(bool Latin, string Name), List<Organization>>();
        var byIdentity = new Dictionary<(bool Latin, string Name, string Form, string? Province, string? Founding), List<Organization>>();
        foreach (var organization in named)
        {
            foreach (var (latin, name) in NamesOf(organization))
            {
                Add(byName, (latin, name), organization);
                if (!IsUniqueName(organization))
                {
                    Add(byIdentity, (latin, name, organization.First["legal_form"]!, organization.First["province_code"], organization.First["founding_date"]), organization);
                }
            }
        }

        foreach (var organization in named)
        {
            var first = organization.First;
            foreach (var (latin, name) in NamesOf(organization))
            {
                var unique = IsUniqueName(organization);
                var same = unique ? byName[(latin, name)]
                    : byIdentity[(latin, name, first["legal_form"]!, first["province_code"], first["founding_date"])];
                if (same.Count < 2)
                {
                    continue;
                }

                var others = same.Where(o => o != organization).Take(4).Select(o => o.SourceKey).ToList();
                var keys = same.Count == 2 ? $"source key {others[0]}"
                    : $"source keys {string.Join(", ", others.Take(3))}" + (same.Count > 4 ? $" and {same.Count - 4} more" : "");
                var column = latin ? "name_latin" : "name_ar";
                organization.Problems.Add((first.Line, unique
                    ? $"{column} is the name of {keys} in this file (normalised: {name}): a cooperative's or a union's name is one organisation's"
                    : $"probably the same organisation as {keys} in this file: the same legal_form, {column} (normalised: {name}), province_code and founding_date"));
            }
        }

        static void Add<TKey>(Dictionary<TKey, List<Organization>> index, TKey key, Organization organization) where TKey : notnull
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(organization);
        }
    }

    /// <summary>COOP and UNION: a name reservation gives the name to one organisation (SPEC §4).</summary>
    private static bool IsUniqueName(Organization organization) => organization.First["legal_form"] is "COOP" or "UNION";

    private static IEnumerable<(bool Latin, string Name)> NamesOf(Organization organization)
    {
        if (organization.NormalizedAr.Length > 0)
        {
            yield return (false, organization.NormalizedAr);
        }

        if (organization.NormalizedLatin.Length > 0)
        {
            yield return (true, organization.NormalizedLatin);
        }
    }

    /// <summary>
    /// Held from here to commit: the lock every name reservation takes shared before it checks its name
    /// (<see cref="NameLocks.AllNames"/>), taken exclusively. A reservation in progress is committed before it is granted,
    /// so <see cref="CheckNamesAsync"/> finds it; one asked for later waits for this import, then finds the organisation.
    /// Taken only when the file has cooperatives or unions to load (only their names are reserved): an import of
    /// associations keeps reservations going. One lock whatever the size of the file (see NameLocks).
    /// </summary>
    private static async Task LockNamesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync($"SELECT pg_advisory_xact_lock({NameLocks.AllNames})", cancellationToken, transaction);

    /// <summary>
    /// The same checks against the registry, as a name reservation is checked (NameRegister.FindSameAsync: registered
    /// organisations of any status, live reservations), for the organisations not already imported: a COOP or UNION
    /// whose normalised name is a registered organisation's or a live reservation's is rejected, naming the number (or
    /// the reservation's end); an ASSO or MUTU only when a registered one has its legal form, a normalised name, its
    /// province and its founding date. One statement for the whole file: the names go as arrays and are joined with the
    /// btree indexes on organizations.normalized_name_ar / normalized_name_latin and name_reservations.normalized_ar /
    /// normalized_latin (index probes for a small file, one merge or hash join for a large one; never a query per organisation).
    /// </summary>
    private static async Task CheckNamesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Organization> candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = candidates.Index().SelectMany(c => NamesOf(c.Item).Select(n => (Index: c.Index, n.Latin, n.Name, Organization: c.Item))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("""
            WITH c (i, latin, name, form, province, founding) AS MATERIALIZED (
                SELECT * FROM unnest($1::int[], $2::bool[], $3::text[], $4::text[], $5::text[], $6::date[]))
            SELECT c.i, c.latin, false, min(o.registration_number), count(*), NULL::timestamptz
            FROM c JOIN registry.organizations o ON o.normalized_name_ar = c.name
            WHERE NOT c.latin AND (c.form IN ('COOP', 'UNION') OR (o.legal_form = c.form AND o.province_code = c.province AND o.founding_date = c.founding))
            GROUP BY c.i, c.latin
            UNION ALL
            SELECT c.i, c.latin, false, min(o.registration_number), count(*), NULL
            FROM c JOIN registry.organizations o ON o.normalized_name_latin = c.name
            WHERE c.latin AND (c.form IN ('COOP', 'UNION') OR (o.legal_form = c.form AND o.province_code = c.province AND o.founding_date = c.founding))
            GROUP BY c.i, c.latin
            UNION ALL
            SELECT c.i, c.latin, true, NULL, count(*), max(r.expires_at)
            FROM c JOIN registry.name_reservations r ON r.normalized_ar = c.name
            WHERE NOT c.latin AND c.form IN ('COOP', 'UNION') AND r.consumed_at IS NULL AND r.expires_at > $7
            GROUP BY c.i, c.latin
            UNION ALL
            SELECT c.i, c.latin, true, NULL, count(*), max(r.expires_at)
            FROM c JOIN registry.name_reservations r ON r.normalized_latin = c.name
            WHERE c.latin AND c.form IN ('COOP', 'UNION') AND r.consumed_at IS NULL AND r.expires_at > $7
            GROUP BY c.i, c.latin
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Index).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Latin).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Organization.First["legal_form"]!).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Organization.First["province_code"]!).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => ParseDate(r.Organization.First["founding_date"])!.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var organization = candidates[reader.GetInt32(0)];
            var latin = reader.GetBoolean(1);
            var column = latin ? "name_latin" : "name_ar";
            var name = latin ? organization.NormalizedLatin : organization.NormalizedAr;
            var count = reader.GetInt64(4);
            if (reader.GetBoolean(2))
            {
                var until = Casablanca.DateOf(reader.GetFieldValue<DateTimeOffset>(5));
                organization.Problems.Add((organization.First.Line, FormattableString.Invariant(
                    $"{column} is a name reserved by an applicant (normalised: {name}; a live reservation, until {until:yyyy-MM-dd}): a cooperative's or a union's name is one organisation's")));
                continue;
            }

            var number = reader.GetString(3);
            var more = count > 1 ? FormattableString.Invariant($" and {count - 1:N0} more") : "";
            organization.Problems.Add((organization.First.Line, IsUniqueName(organization)
                ? $"{column} is the name of {number}{more}, already registered (normalised: {name}): a cooperative's or a union's name is one organisation's"
                : $"probably {number}{more}, already registered: the same legal_form, {column} (normalised: {name}), province_code and founding_date"));
        }
    }

    /// <summary>A number kept from the file must be new to the registry (that it appears once in the file is checked before).</summary>
    private static async Task CheckNumbersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Organization> candidates, CancellationToken cancellationToken)
    {
        var numbers = candidates.Where(o => o.RegistrationNumber is not null).Select(o => o.RegistrationNumber!).ToArray();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT registration_number FROM registry.organizations WHERE registration_number = ANY($1)", connection, transaction) { Parameters = { new() { Value = numbers } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                taken.Add(reader.GetString(0));
            }
        }

        foreach (var organization in candidates.Where(o => o.RegistrationNumber is not null && taken.Contains(o.RegistrationNumber)))
        {
            organization.Problems.Add((organization.First.Line, $"registration_number {organization.RegistrationNumber} is already registered to another organisation"));
        }
    }

    /// <summary>
    /// Kept numbers first move their counters up to them; the others then take the next numbers of their
    /// (form, region, year) counter in order of registration, all inside this transaction (gap-free, and the
    /// counter rows stay locked against concurrent approvals until commit).
    /// </summary>
    private static async Task NumberAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Organization> accepted, ReferenceData reference, CancellationToken cancellationToken)
    {
        var kept = accepted.Where(o => o.RegistrationNumber is not null)
            .Select(o => RegistrationNumber.TryParse(o.RegistrationNumber, out var n) ? n : throw new InvalidOperationException("checked before"))
            .GroupBy(n => (Form: n.LegalForm.ToString(), n.RegionCode, n.Year))
            .Select(g => (g.Key.Form, g.Key.RegionCode, g.Key.Year, Value: g.Max(n => n.Sequence))).ToList();
        if (kept.Count > 0)
        {
            await UpsertCountersAsync(connection, transaction, kept, "greatest(s.last_value, excluded.last_value)", cancellationToken);
        }

        var toNumber = accepted.Where(o => o.RegistrationNumber is null)
            .GroupBy(o => (Form: o.First["legal_form"]!, Region: RegionOf(o), Year: DateOnly.ParseExact(o.First["registered_on"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture).Year))
            .ToList();
        if (toNumber.Count == 0)
        {
            return;
        }

        // A series holds at most 999999 numbers: the counters are locked and read first, so that the organisations
        // a full series cannot number are rejected (the last ones in order) instead of the check constraint
        // failing the whole import. A counter that does not exist yet is at 0.
        var used = await LockCountersAsync(connection, transaction, [.. toNumber.Select(g => (g.Key.Form, g.Key.Region, g.Key.Year))], cancellationToken);
        var numbered = toNumber
            .Select(g => (Group: g, Count: Math.Min(g.Count(), RegistrationNumber.MaxSequence - used.GetValueOrDefault((g.Key.Form, g.Key.Region, g.Key.Year)))))
            .ToList();
        var granted = numbered.Where(n => n.Count > 0).ToList();
        var last = granted.Count == 0 ? [] : await UpsertCountersAsync(connection, transaction,
            [.. granted.Select(n => (n.Group.Key.Form, n.Group.Key.Region, n.Group.Key.Year, n.Count))], "s.last_value + excluded.last_value", cancellationToken);
        foreach (var (group, count) in numbered)
        {
            var next = count > 0 ? last[(group.Key.Form, group.Key.Region, group.Key.Year)] - count : 0;
            var ordered = group.OrderBy(o => o.First["registered_on"], StringComparer.Ordinal).ThenBy(o => o.SourceKey, StringComparer.Ordinal).ToList();
            foreach (var organization in ordered.Take(count))
            {
                organization.RegistrationNumber = RegistrationNumber.Create(Enum.Parse<Domain.Reference.LegalForm>(group.Key.Form), group.Key.Region, group.Key.Year, ++next).Value;
            }

            foreach (var organization in ordered.Skip(count))
            {
                organization.Problems.Add((organization.First.Line, $"the series {group.Key.Form}-{group.Key.Region}-{group.Key.Year} has no number left (at most {RegistrationNumber.MaxSequence})"));
            }
        }

        string RegionOf(Organization o) => reference.ProvincesByCode[o.First["province_code"]!].RegionCode;
    }

    /// <summary>
    /// The counters' values, their rows locked until commit. A counter created by a concurrent approval after this
    /// read is only added to by the upsert; should that ever overflow, the check constraint fails the whole import.
    /// </summary>
    private static async Task<Dictionary<(string, string, int), int>> LockCountersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<(string Form, string Region, int Year)> keys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT s.legal_form, s.region_code, s.year, s.last_value
            FROM registry.registration_sequences AS s
            JOIN unnest($1::text[], $2::text[], $3::int[]) AS k (legal_form, region_code, year) USING (legal_form, region_code, year)
            FOR UPDATE OF s
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Form).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Region).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Year).ToArray() });
        var result = new Dictionary<(string, string, int), int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[(reader.GetString(0), reader.GetString(1), reader.GetInt32(2))] = reader.GetInt32(3);
        }

        return result;
    }

    private static async Task<Dictionary<(string, string, int), int>> UpsertCountersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<(string Form, string Region, int Year, int Value)> rows, string update, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO registry.registration_sequences AS s (legal_form, region_code, year, last_value)
            SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])
            ON CONFLICT (legal_form, region_code, year) DO UPDATE SET last_value = {update}
            RETURNING s.legal_form, s.region_code, s.year, s.last_value
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Form).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Region).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Year).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Value).ToArray() });
        var result = new Dictionary<(string, string, int), int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[(reader.GetString(0), reader.GetString(1), reader.GetInt32(2))] = reader.GetInt32(3);
        }

        return result;
    }

    private static async Task<(int Members, int Officers)> StageAndInsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<Organization> accepted, DateOnly today, DateTimeOffset importedAt, string source, string sourceSha256, CancellationToken cancellationToken)
    {
        // Staging copies without constraints (ids come from the identity columns on the way in).
        await connection.ExecuteAsync("""
            CREATE TEMP TABLE import_applications ON COMMIT DROP AS SELECT * FROM registry.applications WITH NO DATA;
            CREATE TEMP TABLE import_organizations ON COMMIT DROP AS SELECT * FROM registry.organizations WITH NO DATA;
            CREATE TEMP TABLE import_members ON COMMIT DROP AS SELECT * FROM registry.organization_members WITH NO DATA;
            CREATE TEMP TABLE import_officers ON COMMIT DROP AS SELECT * FROM registry.organization_officers WITH NO DATA;
            """, cancellationToken, transaction);

        var members = 0;
        var officers = 0;
        await using (var applications = await connection.BeginBinaryImportAsync(
            "COPY import_applications (id, owner_id, status, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code, founding_date, financial_year_end, contact_email, contact_phone, created_at, updated_at, submitted_at, decided_at, decision_note, organization_id, ice, share_value) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var o in accepted)
            {
                var f = o.First;
                var at = RegisteredAt(o);
                await applications.StartRowAsync(cancellationToken);
                await applications.WriteAsync(o.ApplicationId, NpgsqlDbType.Uuid, cancellationToken);
                await applications.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid, cancellationToken);
                await applications.WriteAsync("Approved", NpgsqlDbType.Varchar, cancellationToken);
                await WriteAsync(applications, f["legal_form"], cancellationToken);
                await WriteAsync(applications, f["name_ar"], cancellationToken);
                await WriteAsync(applications, f["name_latin"], cancellationToken);
                await WriteAsync(applications, f["sector_code"], cancellationToken);
                await WriteAsync(applications, f["seat_address"], cancellationToken);
                await WriteAsync(applications, f["province_code"], cancellationToken);
                await WriteAsync(applications, o.RegistrationNumber!.Split('-')[1], cancellationToken);
                await applications.WriteAsync(ParseDate(f["founding_date"])!.Value, NpgsqlDbType.Date, cancellationToken);
                await WriteAsync(applications, f["financial_year_end"] ?? "12-31", cancellationToken);
                await WriteAsync(applications, f["contact_email"], cancellationToken);
                await WriteAsync(applications, f["contact_phone"], cancellationToken);
                for (var k = 0; k < 4; k++)
                {
                    await applications.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await applications.WriteAsync($"Imported from {source} (source key {o.SourceKey})", NpgsqlDbType.Text, cancellationToken);
                await applications.WriteAsync(o.Id, NpgsqlDbType.Uuid, cancellationToken);
                await WriteAsync(applications, f["ice"], cancellationToken);
                await WriteDecimalAsync(applications, f["share_value"], cancellationToken);
            }

            await applications.CompleteAsync(cancellationToken);
        }

        await using (var organizations = await connection.BeginBinaryImportAsync(
            "COPY import_organizations (id, registration_number, application_id, owner_id, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code, founding_date, financial_year_end, contact_email, contact_phone, status, registered_at, status_changed_at, member_count, women_member_count, ice, normalized_name_ar, normalized_name_latin, share_value, members_below_minimum_since, paid_capital, subscribed_capital) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var o in accepted)
            {
                var f = o.First;
                var at = RegisteredAt(o);
                var people = o.Rows.Where(r => r["person_role"] == "Member").ToList();
                var shareValue = f["share_value"] is { } sv ? decimal.Parse(sv, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m;
                var minimum = f["legal_form"] switch { "COOP" => 5, "UNION" => 3, _ => 0 };
                await organizations.StartRowAsync(cancellationToken);
                await organizations.WriteAsync(o.Id, NpgsqlDbType.Uuid, cancellationToken);
                await organizations.WriteAsync(o.RegistrationNumber!, NpgsqlDbType.Varchar, cancellationToken);
                await organizations.WriteAsync(o.ApplicationId, NpgsqlDbType.Uuid, cancellationToken);
                await organizations.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid, cancellationToken);
                await WriteAsync(organizations, f["legal_form"], cancellationToken);
                await WriteAsync(organizations, f["name_ar"], cancellationToken);
                await WriteAsync(organizations, f["name_latin"], cancellationToken);
                await WriteAsync(organizations, f["sector_code"], cancellationToken);
                await WriteAsync(organizations, f["seat_address"], cancellationToken);
                await WriteAsync(organizations, f["province_code"], cancellationToken);
                await WriteAsync(organizations, o.RegistrationNumber!.Split('-')[1], cancellationToken);
                await organizations.WriteAsync(ParseDate(f["founding_date"])!.Value, NpgsqlDbType.Date, cancellationToken);
                await WriteAsync(organizations, f["financial_year_end"] ?? "12-31", cancellationToken);
                await WriteAsync(organizations, f["contact_email"], cancellationToken);
                await WriteAsync(organizations, f["contact_phone"], cancellationToken);
                await organizations.WriteAsync("Active", NpgsqlDbType.Varchar, cancellationToken);
                await organizations.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await organizations.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await organizations.WriteAsync(people.Count, NpgsqlDbType.Integer, cancellationToken);
                await organizations.WriteAsync(people.Count(p => p["gender"] == "Female" && p["member_kind"] is null or "NaturalPerson"), NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(organizations, f["ice"], cancellationToken);
                await organizations.WriteAsync(o.NormalizedAr, NpgsqlDbType.Text, cancellationToken);
                await organizations.WriteAsync(o.NormalizedLatin, NpgsqlDbType.Text, cancellationToken);
                await WriteDecimalAsync(organizations, f["share_value"], cancellationToken);
                if (people.Count < minimum)
                {
                    await organizations.WriteAsync(today, NpgsqlDbType.Date, cancellationToken);
                }
                else
                {
                    await organizations.WriteNullAsync(cancellationToken);
                }

                await organizations.WriteAsync(people.Sum(p => (decimal)IntOf(p["shares_paid"])) * shareValue, NpgsqlDbType.Numeric, cancellationToken);
                await organizations.WriteAsync(people.Sum(p => (decimal)IntOf(p["shares_subscribed"])) * shareValue, NpgsqlDbType.Numeric, cancellationToken);
            }

            await organizations.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY import_members (organization_id, kind, full_name_ar, full_name_latin, cin, birth_date, gender, nationality, address, legal_name, legal_identifier, shares_subscribed, shares_paid) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var o in accepted)
            {
                foreach (var p in o.Rows.Where(r => r["person_role"] == "Member"))
                {
                    var legal = p["member_kind"] == "LegalPerson";
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(o.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await importer.WriteAsync(legal ? "LegalPerson" : "NaturalPerson", NpgsqlDbType.Varchar, cancellationToken);
                    await WriteAsync(importer, legal ? null : p["full_name_ar"], cancellationToken);
                    await WriteAsync(importer, legal ? null : p["full_name_latin"], cancellationToken);
                    await WriteAsync(importer, legal ? null : p["cin"], cancellationToken);
                    await WriteDateAsync(importer, legal ? null : ParseDate(p["birth_date"]), cancellationToken);
                    await WriteAsync(importer, legal ? null : p["gender"], cancellationToken);
                    await WriteAsync(importer, legal ? null : p["nationality"] ?? "MA", cancellationToken);
                    await WriteAsync(importer, legal ? null : p["address"], cancellationToken);
                    await WriteAsync(importer, legal ? p["legal_name"] : null, cancellationToken);
                    await WriteAsync(importer, legal ? p["legal_identifier"] : null, cancellationToken);
                    await importer.WriteAsync(IntOf(p["shares_subscribed"]), NpgsqlDbType.Integer, cancellationToken);
                    await importer.WriteAsync(IntOf(p["shares_paid"]), NpgsqlDbType.Integer, cancellationToken);
                    members++;
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY import_officers (organization_id, role, full_name_ar, full_name_latin, cin, birth_date, nationality, profession, address, mandate_start, mandate_end, is_participating_member) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var o in accepted)
            {
                foreach (var p in o.Rows.Where(r => r["person_role"] is { } role && role != "Member"))
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(o.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await importer.WriteAsync(p["person_role"]!, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteAsync(importer, p["full_name_ar"], cancellationToken);
                    await WriteAsync(importer, p["full_name_latin"], cancellationToken);
                    await WriteAsync(importer, p["cin"], cancellationToken);
                    await WriteDateAsync(importer, ParseDate(p["birth_date"]), cancellationToken);
                    await WriteAsync(importer, p["nationality"] ?? "MA", cancellationToken);
                    await WriteAsync(importer, p["profession"], cancellationToken);
                    await WriteAsync(importer, p["address"], cancellationToken);
                    await importer.WriteAsync(ParseDate(p["mandate_start"])!.Value, NpgsqlDbType.Date, cancellationToken);
                    await importer.WriteAsync(ParseDate(p["mandate_end"])!.Value, NpgsqlDbType.Date, cancellationToken);
                    await importer.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                    officers++;
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Plain inserts: another import of the same file waits for this one (BulkLoadLock) and then skips what it finds.
        await connection.ExecuteAsync("""
            INSERT INTO registry.applications (id, owner_id, status, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code, founding_date, financial_year_end, contact_email, contact_phone, created_at, updated_at, submitted_at, decided_at, decision_note, organization_id, ice, share_value)
            SELECT id, owner_id, status, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code, founding_date, financial_year_end, contact_email, contact_phone, created_at, updated_at, submitted_at, decided_at, decision_note, organization_id, ice, share_value
            FROM import_applications;
            INSERT INTO registry.organizations (id, registration_number, application_id, owner_id, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code, founding_date, financial_year_end, contact_email, contact_phone, status, registered_at, status_changed_at, member_count, women_member_count, ice, normalized_name_ar, normalized_name_latin, share_value, members_below_minimum_since, paid_capital, subscribed_capital)
            SELECT id, registration_number, application_id, owner_id, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code, founding_date, financial_year_end, contact_email, contact_phone, status, registered_at, status_changed_at, member_count, women_member_count, ice, normalized_name_ar, normalized_name_latin, share_value, members_below_minimum_since, paid_capital, subscribed_capital
            FROM import_organizations;
            INSERT INTO registry.organization_members (organization_id, kind, full_name_ar, full_name_latin, cin, birth_date, gender, nationality, address, legal_name, legal_identifier, shares_subscribed, shares_paid)
            SELECT organization_id, kind, full_name_ar, full_name_latin, cin, birth_date, gender, nationality, address, legal_name, legal_identifier, shares_subscribed, shares_paid FROM import_members;
            INSERT INTO registry.organization_officers (organization_id, role, full_name_ar, full_name_latin, cin, birth_date, nationality, profession, address, mandate_start, mandate_end, is_participating_member)
            SELECT organization_id, role, full_name_ar, full_name_latin, cin, birth_date, nationality, profession, address, mandate_start, mandate_end, is_participating_member FROM import_officers;
            """, cancellationToken, transaction);

        // SPEC §3: an organisation's coming into the registry is a transition with an actor, a time and an audit entry.
        // One entry each, set-based; the chain trigger hashes them (in chain order, as it asks of a writer touching
        // many chains). The actor is the system (an operator's command, no account); nothing personal is written, only
        // the file's name and SHA-256, the status, the number and the SHA-256 of the organisation's rows (a digest of
        // them all: it tells a later import of other rows from a re-run, and gives none of them away), which go with
        // the organisations' ids as two arrays. Organisations already present are not staged, so a re-run adds none.
        await using (var audit = new NpgsqlCommand("""
            INSERT INTO registry.audit_entries (occurred_at, actor_id, actor_role, action, outcome, application_id, organization_id, reason, changes)
            SELECT $1, NULL, 'System', 'organization.imported', 'Succeeded', o.application_id, o.id, $2,
                   jsonb_build_object('status', o.status, 'registrationNumber', o.registration_number, 'rowsSha256', s.rows_sha256)
            FROM import_organizations o
            JOIN unnest($3::uuid[], $4::text[]) AS s (organization_id, rows_sha256) ON s.organization_id = o.id
            ORDER BY o.application_id
            """, connection, transaction))
        {
            audit.Parameters.Add(new NpgsqlParameter { Value = importedAt });
            audit.Parameters.Add(new NpgsqlParameter { Value = $"imported from {source} (SHA-256 {sourceSha256})" });
            audit.Parameters.Add(new NpgsqlParameter { Value = accepted.Select(o => o.Id).ToArray() });
            audit.Parameters.Add(new NpgsqlParameter { Value = accepted.Select(RowsSha256).ToArray() });
            await audit.ExecuteNonQueryAsync(cancellationToken);
        }

        return (members, officers);
    }

    /// <summary>
    /// The source key of a record refused for its fields whose quotes all closed where fields end: the field at the
    /// header's position of source_key, whole (not cut) and on one line, when it is not empty.
    /// </summary>
    private static string? RefusedRecordKey(List<string> fields, int keyField)
    {
        if (keyField < 0 || keyField >= fields.Count || fields[keyField].Length >= Csv.MaxFieldLength)
        {
            return null;
        }

        var key = fields[keyField].Trim();
        return key.Length > 0 && key.AsSpan().IndexOfAny('\r', '\n') < 0 ? key : null;
    }

    /// <summary>The columns that may hold line breaks.</summary>
    private static bool IsMultiline(string column) => column is "seat_address" or "address";

    private static DateTimeOffset RegisteredAt(Organization o) => Casablanca.At(ParseDate(o.First["registered_on"])!.Value, TimeSpan.FromHours(12));

    private static DateOnly? ParseDate(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int IntOf(string? text) => text is null ? 0 : int.Parse(text, CultureInfo.InvariantCulture);

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);

    private static Task WriteDateAsync(NpgsqlBinaryImporter importer, DateOnly? value, CancellationToken cancellationToken) =>
        value is { } date ? importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task WriteDecimalAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken)
            : importer.WriteAsync(decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric, cancellationToken);

    [GeneratedRegex(@"\A[A-Z]{1,2}[0-9]{1,6}\z")]
    private static partial Regex CinPattern();


    [GeneratedRegex(@"\A[0-9]{1,12}(\.[0-9]{1,2})?\z")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(Registry.Application.Applications.ApplicationInputValidator.PhonePattern)]
    private static partial Regex PhonePattern();
}
