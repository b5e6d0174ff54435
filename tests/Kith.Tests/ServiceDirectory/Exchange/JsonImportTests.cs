using Kith.ServiceDirectory.Exchange;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>HSDS JSON (one service, a Page of services) flattens into the same rows as the tabular example.</summary>
[Trait("Category", "Integration")]
public sealed class JsonImportTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Service_full_json_gives_the_same_rows_as_the_csv_example_where_they_overlap()
    {
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        var before = await DumpAsync(app);

        var full = await ImportAsync(app, Path.Combine(Examples, "service_full.json"));
        var list = await ImportAsync(app, Path.Combine(Examples, "service_list.json"));

        Assert.True(full.Succeeded, string.Join('\n', full.Problems.Listed));
        Assert.True(list.Succeeded, string.Join('\n', list.Problems.Listed));
        // The JSON example and the CSV example describe the same service; these tables match exactly.
        string[] same = ["organization", "program", "service", "service_at_location", "phone", "address", "schedule", "funding",
            "service_area", "required_document", "language", "accessibility", "cost_option", "organization_identifier", "taxonomy"];
        foreach (var table in same)
        {
            var counts = Counts(full, table);
            Assert.True(counts is { Inserted: 0, Updated: 0, Unchanged: 1 }, $"{table}: {counts}");
        }
        Assert.Equal(new TableCounts("service", 0, 0, 1, 0), Counts(list, "service"));
        // Where the two examples disagree (the CSV's dangling ids), the JSON's nesting decides: the location belongs to
        // the organization it is listed under, the attribute links to the service it sits in.
        var after = await DumpAsync(app);
        foreach (var table in same) Assert.Equal(before[table], after[table]);
        Assert.Contains(after["location"], r => r.Contains("OrganizationId=d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", StringComparison.Ordinal));
        Assert.Contains(after["attribute"], r => r.Contains("LinkId=ac148810-d857-441c-9679-408f346de14b", StringComparison.Ordinal));
        Assert.Contains(after["taxonomy_term"], r => r.Contains("TaxonomyId=5c4d79d7-cc55-470e-9f1f-8cad074e4892", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_that_contradicts_itself_or_is_not_hsds_is_refused_with_pointers()
    {
        var file = Path.Combine(TemporaryDirectory(), "bad.json");
        var text = File.ReadAllText(Path.Combine(Examples, "service_full.json"));
        // The same phone appears five times; make one of them a different number, and break a date.
        var at = text.LastIndexOf("\"+44 1234 234567\\\"", StringComparison.Ordinal);
        text = text[..at] + "\"+44 9999 999999\\\"" + text[(at + "\"+44 1234 234567\\\"".Length)..];
        text = text.Replace("\"assured_date\": \"2005-01-01\"", "\"assured_date\": \"01/01/2005\"", StringComparison.Ordinal);
        File.WriteAllText(file, text);
        var before = await DumpAsync(app);

        var result = await ImportAsync(app, file);

        Assert.False(result.Succeeded);
        AssertProblem(result, "bad.json /", "assured_date", "'01/01/2005' is not a date (YYYY-MM-DD)");
        Assert.Contains(result.Problems.Listed, p => p.Column == "number" && p.Where.Pointer!.Contains("/phones/0", StringComparison.Ordinal));
        Assert.Equal(before, await DumpAsync(app));
    }
}
