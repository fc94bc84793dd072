using System.Text;

namespace Registry.Cli.Import;

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
    public static IEnumerable<(int Line, int LastLine, List<string> Fields, bool Cut)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var any = false;
        var cut = false;
        var previous = -1;
        int c;
        while ((c = reader.Read()) != -1)
        {
            previous = c;
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
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
                        yield return (recordLine, line, fields, cut);
                    }

                    fields = [];
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
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                // A file ending inside a quoted field that took its last line break: that break ended the last line.
                yield return (recordLine, previous is '\n' or '\r' && line > recordLine ? line - 1 : line, fields, cut);
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
