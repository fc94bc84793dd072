using System.Text;

namespace Registry.Cli.Import;

/// <summary>
/// A record of a CSV file: the lines it starts and ends on, its fields, whether a field was cut
/// (<see cref="Csv.MaxFieldLength"/>), whether the file ended inside its last field's quotes, and what the lines after
/// its first held at a given field (see <see cref="Csv.Read"/>).
/// </summary>
internal readonly record struct CsvRecord(int Line, int LastLine, List<string> Fields, bool Cut, bool LeftOpen, List<(int Line, string Key)>? Swallowed);

/// <summary>RFC 4180 CSV: comma-separated, fields quoted with " when they hold commas, quotes or line breaks.</summary>
internal static class Csv
{
    /// <summary>
    /// The longest field kept: far beyond any column (the longest holds 500 characters), so that a quote left open
    /// early in a file, which makes the rest of the file one field, holds a bounded amount of memory.
    /// </summary>
    public const int MaxFieldLength = 1_000_000;

    /// <summary>
    /// Records with the lines each starts and ends on (a quoted field may span lines). A line ends with CRLF, LF or
    /// a bare CR (old Mac exports): read as one header, a CR-only file would otherwise be a single giant record.
    /// A field longer than <see cref="MaxFieldLength"/> is cut there and its record marked <c>Cut</c>.
    /// </summary>
    /// <param name="swallowedKeyField">
    /// When given, the position of a field (read when a record's second line begins, so it may be set after the header
    /// has been read): for each line after the first of a record, that field as the line alone would give it, with the
    /// line's number (<c>Swallowed</c>, null for a record on one line). A quote left open makes the lines after it one
    /// record; this is what says whose rows they were. The field must be a plain field or a quoted one closed on its
    /// line, not empty and at most <see cref="MaxFieldLength"/> characters; a line that has no such field is left out.
    /// </param>
    public static IEnumerable<CsvRecord> Read(TextReader reader, Func<int>? swallowedKeyField = null)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var any = false;
        var cut = false;
        var previous = -1;
        var scan = new LineField();
        int c;
        while ((c = reader.Read()) != -1)
        {
            previous = c;
            any = true;
            Scan(c);
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        Scan(reader.Read());
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
                    {
                        line++;
                        if (swallowedKeyField?.Invoke() is >= 0 and var position)
                        {
                            scan.Start(line, position);
                        }
                    }

                    Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        yield return new(recordLine, line, fields, cut, LeftOpen: false, scan.Found);
                    }

                    fields = [];
                    scan.Found = null;
                    line++;
                    recordLine = line;
                    any = false;
                    cut = false;
                    break;
                default:
                    Append(c);
                    break;
            }
        }

        if (any)
        {
            scan.End();
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                // A file ending inside a quoted field that took its last line break: that break ended the last line.
                yield return new(recordLine, previous is '\n' or '\r' && line > recordLine ? line - 1 : line, fields, cut, quoted, scan.Found);
            }
        }

        void Scan(int c)
        {
            if (scan.Active)
            {
                scan.Take(c);
            }
        }

        void Append(int c)
        {
            if (field.Length < MaxFieldLength)
            {
                field.Append((char)c);
            }
            else
            {
                cut = true;
            }
        }
    }

    /// <summary>
    /// One field of one physical line, read as if the line began a record: the fields before it are skipped (quoted ones
    /// too, as the reader reads them), and only its own text is kept, up to <see cref="MaxFieldLength"/> characters.
    /// </summary>
    private sealed class LineField
    {
        private readonly StringBuilder _text = new();
        private int _line;
        private int _target;
        private int _field;
        private bool _atStart;
        private bool _inQuotes;
        private bool _quoteSeen;
        private bool _wasQuoted;
        private bool _unreadable;

        public bool Active { get; private set; }

        /// <summary>The fields read so far from the lines of the current record, with their lines.</summary>
        public List<(int Line, string Key)>? Found { get; set; }

        public void Start(int line, int target)
        {
            (Active, _line, _target, _field, _atStart, _inQuotes, _quoteSeen, _wasQuoted, _unreadable) = (true, line, target, 0, true, false, false, false, false);
            _text.Clear();
        }

        public void Take(int c)
        {
            if (c is '\r' or '\n')
            {
                End();
                return;
            }

            if (_quoteSeen)
            {
                _quoteSeen = false;
                if (c == '"')
                {
                    Keep(c); // a doubled quote inside the quoted field
                    return;
                }

                _inQuotes = false; // the quote closed the field; c comes after it
            }
            else if (_inQuotes)
            {
                if (c == '"')
                {
                    _quoteSeen = true;
                }
                else
                {
                    Keep(c);
                }

                return;
            }

            switch (c)
            {
                case ',' when _field == _target:
                    End();
                    break;
                case ',':
                    (_field, _atStart, _wasQuoted) = (_field + 1, true, false);
                    break;
                case '"' when _atStart:
                    (_inQuotes, _wasQuoted, _atStart) = (true, true, false);
                    break;
                default:
                    _atStart = false;
                    if (_field == _target && (c == '"' || (_wasQuoted && !char.IsWhiteSpace((char)c))))
                    {
                        _unreadable = true; // neither a plain field nor a quoted one: text around a quote
                    }

                    Keep(c);
                    break;
            }
        }

        /// <summary>The line or the field has ended: its field, when the line reached it and it reads as one.</summary>
        public void End()
        {
            if (!Active)
            {
                return;
            }

            Active = false;
            if (_field != _target || (_inQuotes && !_quoteSeen) || _unreadable)
            {
                return;
            }

            var key = _text.ToString().Trim();
            if (key.Length > 0)
            {
                Found ??= [];
                // Rows of one organisation usually follow each other: their key is kept once.
                Found.Add((_line, Found.Count > 0 && Found[^1].Key == key ? Found[^1].Key : key));
            }
        }

        private void Keep(int c)
        {
            if (_field != _target)
            {
                return;
            }

            if (_text.Length < MaxFieldLength)
            {
                _text.Append((char)c);
            }
            else
            {
                _unreadable = true;
            }
        }
    }

    /// <summary>
    /// A field for a CSV that people open in a spreadsheet: quoted when needed, and a value a spreadsheet would
    /// take for a formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe; control
    /// characters and bidirectional overrides are shown as U+FFFD.
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        value = string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' ? '\uFFFD' : c;
            }
        });

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
