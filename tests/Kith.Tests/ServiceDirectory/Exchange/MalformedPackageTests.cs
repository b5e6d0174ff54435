using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>A package with many faults in many files: every one is reported where it is, and nothing is written.</summary>
[Trait("Category", "Integration")]
public sealed class MalformedPackageTests(KithApp app) : IClassFixture<KithApp>
{
    /// <summary>The examples with eight different faults in eight files.</summary>
    internal static string BrokenPackage()
    {
        var package = CopyOfExamples();
        string File(string name) => Path.Combine(package, name);
        SetCell(File("services.csv"), 2, "name", "");
        SetCell(File("phones.csv"), 2, "service_id", "not-a-uuid");
        SetCell(File("schedules.csv"), 2, "valid_from", "2005-02-30");
        SetCell(File("cost_options.csv"), 2, "amount", "thirty-five");
        SetCell(File("organizations.csv"), 2, "email", "reception at example.com");
        var languages = ReadCsv(File("languages.csv"));
        WriteCsv(File("languages.csv"), [.. languages, languages[1]]);
        var sal = ReadCsv(File("service_at_location.csv"));
        WriteCsv(File("service_at_location.csv"), [.. sal, ["6d0d7b9e-3b7e-4a51-9a0e-4c3c0b7c1a11", "0f5b1e8a-9c1d-4a4e-8d7e-5b2c3a4d5e6f", sal[1][2], "nowhere"]]);
        var addresses = ReadCsv(File("addresses.csv"));
        var city = addresses[0].IndexOf("city");
        WriteCsv(File("addresses.csv"), addresses.Select(r => r.Where((_, i) => i != city)));
        return package;
    }

    [Fact]
    public async Task Every_fault_is_listed_with_file_row_column_and_reason_and_the_directory_is_untouched()
    {
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        var before = await DumpAsync(app);

        var result = await ImportAsync(app, BrokenPackage(), new(Replace: true));

        Assert.False(result.Succeeded);
        AssertProblem(result, "services.csv row 2", "name", "a value is required");
        AssertProblem(result, "phones.csv row 2", "service_id", "'not-a-uuid' is not a UUID");
        AssertProblem(result, "schedules.csv row 2", "valid_from", "'2005-02-30' is not a date (YYYY-MM-DD)");
        AssertProblem(result, "cost_options.csv row 2", "amount", "'thirty-five' is not a number");
        AssertProblem(result, "organizations.csv row 2", "email", "'reception at example.com' is not an email address");
        AssertProblem(result, "languages.csv row 3", "id", "2989d3ed-c547-48f8-8f9d-432d81c7892e is used twice in language (also languages.csv row 2)");
        AssertProblem(result, "service_at_location.csv row 3", "service_id", "no service has the id 0f5b1e8a-9c1d-4a4e-8d7e-5b2c3a4d5e6f");
        AssertProblem(result, "addresses.csv row 1", "city", "this required column is missing");
        Assert.True(result.Problems.Count == 8, string.Join('\n', result.Problems.Listed));
        Assert.Empty(result.Tables);
        Assert.Equal(before, await DumpAsync(app));
    }

    [Fact]
    public async Task Problems_beyond_the_cap_are_counted_not_listed()
    {
        var package = CopyOfExamples();
        var services = ReadCsv(Path.Combine(package, "services.csv"));
        var age = services[0].IndexOf("minimum_age");
        var rows = Enumerable.Range(0, 1500).Select(i =>
        {
            var row = services[1].ToList();
            row[0] = Guid.NewGuid().ToString();
            row[age] = "twelve";
            return row;
        });
        WriteCsv(Path.Combine(package, "services.csv"), [services[0], services[1], .. rows]);

        var result = await ImportAsync(app, package);

        Assert.Equal(1500, result.Problems.Count);
        Assert.Equal(1000, result.Problems.Listed.Count);
        Assert.Equal(500, result.Problems.NotListed);
        AssertProblem(result, "services.csv row 14", "minimum_age", "'twelve' is not a number");
    }
}
