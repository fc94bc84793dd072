using System.Text;

namespace Registry.Cli.Import;

/// <summary>
/// A record of a CSV file: the lines it starts and ends on, its fields (at most <see cref="Csv.MaxFields"/> kept) and
/// how many it has, whether a field was cut (<see cref="Csv.MaxFieldLength"/>), whether a quote went wrong in it
/// (<c>Broken</c>: a quoted field closed with text after its closing quote, or the file ended inside it), whether the
/// file ended inside its last field's quotes, and, for a broken record, what each of its lines held at a given field (see
/// <see cref="Csv.Read"/>).
/// </summary>
internal readonly record struct CsvRecord(int Line, int LastLine, List<string> Fields, int FieldCount, bool Cut, bool Broken, bool LeftOpen, List<LineKey>? LineKeys);

/// <summary>
/// A field of one physical line read as if the line began a record (<see cref="Csv.Read"/>). <c>Loose</c>: the line's
/// quotes did not let it be read as CSV, and it was read with every quote taken out and every comma a separator.
/// </summary>
internal readonly record struct LineKey(int Line, string Key, bool Loose);

/// <summary>RFC 4180 CSV: comma-separated, fields quoted with " when they hold commas, quotes or line breaks.</summary>
internal static class Csv
{
    /// <summary>
    /// The longest field kept: far beyond any column (the longest holds 500 characters), so that a quote left open
    /// early in a file, which makes the rest of the file one field, holds a bounded amount of memory.
    /// </summary>
    public const int MaxFieldLength = 1_000_000;

    /// <summary>
    /// The most fields of a record kept (the others are counted): far beyond the 31 columns, so that a line of millions
    /// of commas holds a bounded amount of memory.
    /// </summary>
    public const int MaxFields = 1_000;

    /// <summary>
    /// Records with the lines each starts and ends on (a quoted field may span lines). A line ends with CRLF, LF or
    /// a bare CR (old Mac exports): read as one header, a CR-only file would otherwise be a single giant record.
    /// A field longer than <see cref="MaxFieldLength"/> is cut there and its record marked <c>Cut</c>. A quoted field
    /// whose closing quote is followed by text other than spaces before the next comma or line end marks its record
    /// <c>Broken</c>, as does the end of the file inside quotes: the quote that closed it (or none) was not its end
    /// but, most often, the next quote of the file after one left open, and the lines in between are other records.
    /// A quoted field that closes before a comma or a line end is taken as RFC 4180 reads it, line breaks included.
    /// </summary>
    /// <param name="keyField">
    /// When given, the position of a field (read as each line begins, so it may be set after the header has been
    /// read): for each line of a broken record, that field as the line alone would give it, with the line's number
    /// (<c>LineKeys</c>; null for a record that is not broken, whose fields are the file's). A quote left open makes the
    /// lines after it one record; this is what says whose rows they were, the first line's included. Every line is read
    /// for it as it comes, into one buffer kept from record to record: the strings are made only for a broken record. The field is read as CSV (a plain field, or a quoted one closed on its line
    /// and followed by nothing but spaces); when the line's quotes do not allow that, it is read loosely (quotes taken
    /// out, every comma a separator) and marked so. A line whose field is empty, or longer than
    /// <see cref="MaxFieldLength"/>, or which has no such field, is left out.
    /// </param>
    public static IEnumerable<CsvRecord> Read(TextReader reader, Func<int>? keyField = null)
    {
        var fields = new List<string>();
        var count = 0;
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var closed = false; // the current field was quoted and its quote has closed
        var broken = false;
        var any = false;
        var cut = false;
        var previous = -1;
        var scan = new LineField();
        StartScan();
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
                        Append('"');
                    }
                    else
                    {
                        quoted = false;
                        closed = true;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
                    {
                        line++;
                        StartScan();
                    }

                    Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !closed:
                    quoted = true;
                    break;
                case ',':
                    AddField();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    AddField();
                    if (count > 1 || fields[0].Length > 0)
                    {
                        yield return new(recordLine, line, fields, count, cut, broken, LeftOpen: false, broken ? scan.Keys() : null);
                    }

                    fields = [];
                    count = 0;
                    scan.Clear();
                    line++;
                    recordLine = line;
                    any = false;
                    cut = false;
                    broken = false;
                    StartScan();
                    break;
                default:
                    if (closed && !char.IsWhiteSpace((char)c))
                    {
                        broken = true; // text after the closing quote: that quote did not end the field
                    }

                    Append(c);
                    break;
            }
        }

        if (any)
        {
            scan.End();
            AddField();
            if (count > 1 || fields[0].Length > 0)
            {
                // A file ending inside a quoted field that took its last line break: that break ended the last line.
                yield return new(recordLine, previous is '\n' or '\r' && line > recordLine ? line - 1 : line, fields, count, cut, broken || quoted, quoted,
                    broken || quoted ? scan.Keys() : null);
            }
        }

        void StartScan()
        {
            if (keyField?.Invoke() is >= 0 and var position)
            {
                scan.Start(line, position);
            }
        }

        void Scan(int c)
        {
            if (scan.Active)
            {
                scan.Take(c);
            }
        }

        void AddField()
        {
            if (fields.Count < MaxFields)
            {
                fields.Add(field.ToString());
            }

            count++;
            field.Clear();
            closed = false;
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
    /// too, as the reader reads them), and only its own text is kept, up to <see cref="MaxFieldLength"/> characters. The
    /// same field is read loosely at the same time (quotes taken out, every comma a separator), for a line whose quotes
    /// do not read as CSV.
    /// </summary>
    private sealed class LineField
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _loose = new();
        private int _line;
        private int _target;
        private int _field;
        private int _looseField;
        private bool _atStart;
        private bool _inQuotes;
        private bool _quoteSeen;
        private bool _wasQuoted;
        private bool _unreadable;
        private bool _looseCut;

        public bool Active { get; private set; }

        /// <summary>
        /// The fields read so far from the lines of the current record, one after the other in one buffer kept from record
        /// to record: most records are not broken, and their keys are never needed as strings (see <see cref="Keys"/>).
        /// </summary>
        private char[] _keys = new char[256];
        private int _keysLength;

        /// <summary>Each line's field in <see cref="_keys"/>: a line whose field repeats the line before's shares its characters.</summary>
        private readonly List<(int Line, int Start, int Length, bool Loose)> _found = [];

        /// <summary>A new record begins: the fields of the last one are let go (the buffers are kept).</summary>
        public void Clear()
        {
            _keysLength = 0;
            _found.Clear();
        }

        /// <summary>
        /// The fields read from the lines of the current record, with their lines, as strings (null for none): asked
        /// only for a broken record. Rows of one organisation usually follow each other: their key is one string.
        /// </summary>
        public List<LineKey>? Keys()
        {
            if (_found.Count == 0)
            {
                return null;
            }

            var keys = new List<LineKey>(_found.Count);
            var (key, start, length) = ("", -1, -1);
            foreach (var found in _found)
            {
                if ((found.Start, found.Length) != (start, length))
                {
                    (key, start, length) = (new string(_keys, found.Start, found.Length), found.Start, found.Length);
                }

                keys.Add(new(found.Line, key, found.Loose));
            }

            return keys;
        }

        public void Start(int line, int target)
        {
            (Active, _line, _target, _field, _looseField, _atStart, _inQuotes, _quoteSeen, _wasQuoted, _unreadable, _looseCut) =
                (true, line, target, 0, 0, true, false, false, false, false, false);
            _text.Clear();
            _loose.Clear();
        }

        public void Take(int c)
        {
            if (c is '\r' or '\n')
            {
                End();
                return;
            }

            if (c == ',')
            {
                _looseField++;
            }
            else if (c != '"' && _looseField == _target)
            {
                if (_loose.Length < MaxFieldLength)
                {
                    _loose.Append((char)c);
                }
                else
                {
                    _looseCut = true;
                }
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

        /// <summary>The line or the field has ended: its field, when the line reached it.</summary>
        public void End()
        {
            if (!Active)
            {
                return;
            }

            Active = false;
            var strict = _field == _target && !(_inQuotes && !_quoteSeen) && !_unreadable;
            var text = strict ? _text : _looseField >= _target && !_looseCut ? _loose : null;
            if (text is null)
            {
                return;
            }

            // Trimmed as string.Trim() trims, without making a string of it.
            var (start, end) = (0, text.Length);
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var length = end - start;
            if (length == 0)
            {
                return;
            }

            if (_keys.Length - _keysLength < length)
            {
                Array.Resize(ref _keys, Math.Max(_keysLength + length, (int)Math.Min(Array.MaxLength, 2L * _keys.Length)));
            }

            var key = _keys.AsSpan(_keysLength, length);
            text.CopyTo(start, key, length);
            if (_found.Count > 0 && _found[^1] is var last && _keys.AsSpan(last.Start, last.Length).SequenceEqual(key))
            {
                _found.Add((_line, last.Start, last.Length, !strict));
            }
            else
            {
                _found.Add((_line, _keysLength, length, !strict));
                _keysLength += length;
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

        value = Printable(value, keepLineBreaks: true);
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// A value as it may be shown: control characters (line breaks and tabs too, unless kept) and bidirectional
    /// overrides as U+FFFD, so that a value of the file echoed to the operator's terminal cannot move its cursor,
    /// recolour it, set its title or reverse the text around it.
    /// </summary>
    public static string Printable(string value, bool keepLineBreaks = false) =>
        string.Create(value.Length, (value, keepLineBreaks), static (span, state) =>
        {
            var (source, keep) = state;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = Registry.Application.Common.Validation.TextRules.IsForbidden(c, keep) ? '\uFFFD' : c;
            }
        });
}
