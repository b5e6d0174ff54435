using Kith.Platform.Csv;
using Kith.ServiceDirectory.Exchange;
using Kith.ServiceDirectory.Hsds;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>The RFC 4180 reader and writer, and cells by datapackage type (no database).</summary>
public sealed class CsvAndValuesTests
{
    [Fact]
    public void Csv_reads_quotes_line_breaks_crlf_and_blank_lines_and_writes_what_it_reads()
    {
        const string text = "\uFEFFid,note\r\n1,\"a, \"\"quoted\"\"\r\nline\"\r\n\r\n2,plain\n3,\n";
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        var records = new List<List<string>>();
        while (Csv.ReadRecord(reader) is { } r) records.Add(r);

        Assert.Equal([["id", "note"], ["1", "a, \"quoted\"\r\nline"], ["2", "plain"], ["3", ""]], records);
        var written = new StringWriter();
        foreach (var r in records) Csv.WriteRecord(written, r, CsvUse.DataFile);
        Assert.Equal("id,note\r\n1,\"a, \"\"quoted\"\"\r\nline\"\r\n2,plain\r\n3,\r\n", written.ToString());
    }

    [Theory]
    [InlineData("service", "minimum_age", "12.50", "12.5")]
    [InlineData("service", "assured_date", "2024-02-29", "2024-02-29")]
    [InlineData("service", "last_modified", "2023-03-15T10:30:45.123+02:00", "2023-03-15T08:30:45.123Z")]
    [InlineData("schedule", "opens_at", "09:00", "09:00:00")]
    [InlineData("schedule", "closes_at", "17:30-05:00", "17:30:00")]
    [InlineData("location", "latitude", "44.1234567", "44.1234567")]
    [InlineData("service", "email", "help@example.org", "help@example.org")]
    public void Good_cells_read_and_write_in_the_spec_form(string table, string field, string text, string written)
    {
        var (value, problem) = HsdsValues.Parse(HsdsSchema.Table(table).Field(field)!, text);
        Assert.Null(problem);
        Assert.Equal(written, HsdsValues.Format(value));
    }

    [Theory]
    [InlineData("service", "minimum_age", "twelve", "'twelve' is not a number")]
    [InlineData("service", "assured_date", "2024-02-30", "is not a date (YYYY-MM-DD)")]
    [InlineData("service", "assured_date", "01/02/2024", "is not a date (YYYY-MM-DD)")]
    [InlineData("service", "last_modified", "yesterday", "is not a date and time")]
    [InlineData("schedule", "opens_at", "9am", "is not a time")]
    [InlineData("service", "id", "12345", "'12345' is not a UUID")]
    [InlineData("service", "email", "help at example.org", "is not an email address")]
    [InlineData("service", "url", "example dot org", "is not a web address")]
    [InlineData("service", "name", "  ", "a value is required")]
    public void Bad_cells_say_what_is_wrong(string table, string field, string text, string reason)
    {
        var (value, problem) = HsdsValues.Parse(HsdsSchema.Table(table).Field(field)!, text);
        Assert.Null(value);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void References_are_the_datapackage_keys_plus_the_parent_ids_names_imply()
    {
        var term = ExchangeTables.References(HsdsSchema.Table("taxonomy_term")).ToDictionary(r => r.Field.Name, r => (r.Target.Name, r.Declared));
        var attribute = ExchangeTables.References(HsdsSchema.Table("attribute")).Select(r => r.Field.Name);

        Assert.Equal(("taxonomy_term", false), term["parent_id"]);
        Assert.Equal(("taxonomy", true), term["taxonomy_id"]);
        Assert.Equal(["taxonomy_term_id"], attribute); // link_id points wherever link_entity says
    }
}
