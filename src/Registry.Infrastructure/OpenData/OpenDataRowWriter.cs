using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Npgsql;

namespace Registry.Infrastructure.OpenData;

/// <summary>
/// The public columns of the snapshot, in their documented order (docs/open-data.md), and the writing of one
/// row as a CSV record (RFC 4180) and as a JSON object. Only the columns of the public profile: nothing
/// about any person is selected, and the members' and officers' tables are never read.
/// </summary>
internal static class OpenDataRowWriter
{
    /// <summary>One statement, streamed in order; registration numbers are fixed-width ASCII, so the order is the same in any collation.</summary>
    public const string Select = """
        SELECT registration_number, legal_form, name_ar, name_latin, sector_code, seat_address, province_code,
               region_code, founding_date, status, registered_at, member_count, women_member_count
        FROM registry.organizations
        ORDER BY registration_number
        """;

    private static readonly (string Csv, JsonEncodedText Json)[] Columns =
    [
        ("registration_number", JsonEncodedText.Encode("registrationNumber")),
        ("legal_form", JsonEncodedText.Encode("legalForm")),
        ("name_ar", JsonEncodedText.Encode("nameAr")),
        ("name_latin", JsonEncodedText.Encode("nameLatin")),
        ("sector_code", JsonEncodedText.Encode("sectorCode")),
        ("seat_address", JsonEncodedText.Encode("seatAddress")),
        ("province_code", JsonEncodedText.Encode("provinceCode")),
        ("region_code", JsonEncodedText.Encode("regionCode")),
        ("founding_date", JsonEncodedText.Encode("foundingDate")),
        ("status", JsonEncodedText.Encode("status")),
        ("registered_at", JsonEncodedText.Encode("registeredAt")),
        ("member_count", JsonEncodedText.Encode("memberCount")),
        ("women_member_count", JsonEncodedText.Encode("womenMemberCount")),
    ];

    /// <summary>The header row, with the record separator.</summary>
    public static readonly byte[] CsvHeader = Encoding.UTF8.GetBytes(string.Join(',', Columns.Select(c => c.Csv)) + "\r\n");

    /// <summary>Arabic and accented Latin stay readable (not \u-escaped); HTML-sensitive characters are still escaped.</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), Indented = false };

    private static readonly SearchValues<char> CsvSpecial = SearchValues.Create(",\"\r\n");

    /// <summary>
    /// Reads the current row (columns in order, as <see cref="System.Data.CommandBehavior.SequentialAccess"/> requires)
    /// and appends it to both outputs.
    /// </summary>
    public static void Write(NpgsqlDataReader reader, IBufferWriter<byte> csv, Utf8JsonWriter json)
    {
        Span<byte> foundingDate = stackalloc byte[10];
        Span<byte> registeredAt = stackalloc byte[32];
        Span<byte> number = stackalloc byte[11];

        json.WriteStartObject();
        for (var i = 0; i < Columns.Length; i++)
        {
            if (i > 0)
            {
                Ascii(csv, ',');
            }

            var name = Columns[i].Json;
            switch (i)
            {
                case 8:
                    var date = reader.GetFieldValue<DateOnly>(i);
                    date.TryFormat(foundingDate, out var dateLength, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    csv.Write(foundingDate[..dateLength]);
                    json.WriteString(name, foundingDate[..dateLength]);
                    break;
                case 10:
                    // timestamptz comes back as UTC; microseconds, PostgreSQL's precision, always six digits.
                    var instant = reader.GetFieldValue<DateTime>(i);
                    instant.TryFormat(registeredAt, out var instantLength, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
                    csv.Write(registeredAt[..instantLength]);
                    json.WriteString(name, registeredAt[..instantLength]);
                    break;
                case 11 or 12:
                    var count = reader.GetInt32(i);
                    count.TryFormat(number, out var numberLength, default, CultureInfo.InvariantCulture);
                    csv.Write(number[..numberLength]);
                    json.WriteNumber(name, count);
                    break;
                default:
                    if (reader.IsDBNull(i))
                    {
                        json.WriteNull(name); // CSV: an empty field
                    }
                    else
                    {
                        var text = reader.GetString(i);
                        CsvField(csv, text);
                        json.WriteString(name, text);
                    }

                    break;
            }
        }

        json.WriteEndObject();
        Ascii(csv, '\r');
        Ascii(csv, '\n');
    }

    /// <summary>RFC 4180: a field holding a comma, a double quote or a line break is quoted, its quotes doubled.</summary>
    private static void CsvField(IBufferWriter<byte> csv, ReadOnlySpan<char> text)
    {
        if (!text.ContainsAny(CsvSpecial))
        {
            Utf8(csv, text);
            return;
        }

        Ascii(csv, '"');
        int quote;
        while ((quote = text.IndexOf('"')) >= 0)
        {
            Utf8(csv, text[..(quote + 1)]);
            Ascii(csv, '"');
            text = text[(quote + 1)..];
        }

        Utf8(csv, text);
        Ascii(csv, '"');
    }

    private static void Utf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private static void Ascii(IBufferWriter<byte> output, char c)
    {
        output.GetSpan(1)[0] = (byte)c;
        output.Advance(1);
    }
}
