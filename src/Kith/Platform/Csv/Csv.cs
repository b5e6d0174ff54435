using System.Text;

namespace Kith.Platform.Csv;

/// <summary>What a CSV file is for, which decides whether cells are guarded against formula injection.</summary>
internal enum CsvUse
{
    /// <summary>Opened by a person in a spreadsheet: text that would start a formula gets a leading apostrophe.</summary>
    Spreadsheet,
    /// <summary>Read back by a program (an HSDS data package, a backup): every cell verbatim, or a restore would
    /// change data (a phone "+44 …" or a name "-ish" would come back with an apostrophe).</summary>
    DataFile,
}

/// <summary>
/// The one CSV reader and writer every module uses. RFC 4180: fields separated by commas, quoted when they hold
/// a comma, quote or line break, quotes doubled. Reads CRLF or LF line ends and a UTF-8 byte order mark; writes
/// UTF-8 without one and CRLF, as the RFC says. Each writer says what the file is for (<see cref="CsvUse"/>).
/// </summary>
internal static class Csv
{
    /// <summary>Records one by one (a record may span lines inside quotes), blank lines skipped; null at the end.</summary>
    public static List<string>? ReadRecord(TextReader reader)
    {
        List<string>? record;
        do record = ReadLine(reader);
        while (record is [""]);
        return record;
    }

    private static List<string>? ReadLine(TextReader reader)
    {
        var first = reader.Peek();
        if (first < 0) return null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                fields.Add(field.ToString());
                return fields;
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append((char)c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }

    public static void WriteRecord(TextWriter writer, IEnumerable<string> fields, CsvUse use)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            var f = use == CsvUse.Spreadsheet ? Guarded(field) : field;
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(f.Replace("\"", "\"\""));
                writer.Write('"');
            }
            else writer.Write(f);
        }
        writer.Write("\r\n");
    }

    /// <summary>
    /// OWASP CSV injection: a cell starting with =, +, -, @, tab or CR can run as a formula in a spreadsheet, so it
    /// gets a leading apostrophe — every such cell, numbers included, as OWASP advises ("-2+3+cmd|…" starts like a number).
    /// </summary>
    public static string Guarded(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
