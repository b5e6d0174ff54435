using System.Text;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, quoted when they hold a comma, quote or line break, quotes doubled.
/// Reads CRLF or LF line ends and a UTF-8 byte order mark; writes UTF-8 without one and CRLF, as the RFC says.
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

    public static void WriteRecord(TextWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) writer.Write(',');
            first = false;
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

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
