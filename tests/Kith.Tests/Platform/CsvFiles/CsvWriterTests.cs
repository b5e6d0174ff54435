using Kith.Platform.Csv;
using Kith.Screening.Campaigns.Aggregates;

namespace Kith.Tests.Platform.CsvFiles;

/// <summary>The one CSV writer: spreadsheet files guard formulas, data files keep every cell verbatim, both round-trip.</summary>
public sealed class CsvWriterTests
{
    private static readonly string[] Awkward = ["a, \"quoted\"\r\nline", "plain", "", "=1+1", "-ish", "+44 1234", "@SUM(A1)", "\tx", "\rx", "Ünïcode, ok"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Quotes_line_breaks_and_commas_read_back_as_written(bool forSpreadsheet)
    {
        var use = forSpreadsheet ? CsvUse.Spreadsheet : CsvUse.DataFile;
        var written = new StringWriter();
        Csv.WriteRecord(written, Awkward, use);
        Csv.WriteRecord(written, ["second", "row"], use);

        using var reader = new StringReader(written.ToString());
        var first = Csv.ReadRecord(reader)!;
        Assert.Equal(use == CsvUse.DataFile ? Awkward : Awkward.Select(Csv.Guarded), first);
        Assert.Equal(["second", "row"], Csv.ReadRecord(reader));
        Assert.Null(Csv.ReadRecord(reader));
    }

    [Fact]
    public void A_spreadsheet_cell_that_would_run_as_a_formula_gets_a_leading_apostrophe_and_a_data_file_cell_does_not()
    {
        var spreadsheet = new StringWriter();
        Csv.WriteRecord(spreadsheet, ["=HYPERLINK(\"http://x\")", "+1", "-2", "@A1", "safe"], CsvUse.Spreadsheet);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@A1,safe\r\n", spreadsheet.ToString());

        var data = new StringWriter();
        Csv.WriteRecord(data, ["=HYPERLINK(\"http://x\")", "+1", "-2", "@A1", "safe"], CsvUse.DataFile);
        Assert.Equal("\"=HYPERLINK(\"\"http://x\"\")\",+1,-2,@A1,safe\r\n", data.ToString());
    }

    [Fact]
    public void The_campaign_aggregates_export_guards_a_group_name_that_starts_a_formula()
    {
        var report = new AggregateReport(Guid.NewGuid(), 11, null, [
            new InstrumentAggregate("phq-9", "PHQ-9", ["mild"], [], [new GroupRow("=cmd|' /C calc'!A0", 12, [12], [], 6m)],
                new GroupRow("", 12, [12], [], 6m))]);

        var rows = Rows(AggregatesCsv.Write(report));

        Assert.Equal(["instrument", "group", "measure", "value"], rows[0]);
        Assert.Contains(rows, r => r[1] == "'=cmd|' /C calc'!A0" && r[2] == "responses" && r[3] == "12");
        Assert.DoesNotContain(rows, r => r.Any(c => c.StartsWith('=')));
    }

    private static List<List<string>> Rows(string csv)
    {
        using var reader = new StringReader(csv);
        var rows = new List<List<string>>();
        while (Csv.ReadRecord(reader) is { } r) rows.Add(r);
        return rows;
    }
}
