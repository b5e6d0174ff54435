using System.Text;
using System.Text.RegularExpressions;

namespace Kith.Tests.Cli;

/// <summary>
/// The README's "Running on PostgreSQL" steps, read from the README itself and run in the order given, each as
/// its own `kith` process, against an empty database of this class's own: if the README stops working for a
/// newcomer, this fails. PostgreSQL only: these are the PostgreSQL steps (the embedded database's one step,
/// `dotnet run`, is <c>CommandLineTests.First_start_prints_the_demo_sign_ins_once…</c>).
/// </summary>
[Trait("Category", "PostgresOnly")]
[RunsLong]
public sealed partial class ReadmeStepsTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private readonly string keyRing = Path.Combine(Path.GetTempPath(), "kith-tests", "readme-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> environment = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        environment["Kith__KeyRingPath"] = keyRing;
        environment["Kith__Jobs__Enabled"] = "false";
        foreach (var (key, value) in database.Settings()) environment[key.Replace(":", "__")] = value ?? "";
    }

    [Fact]
    public async Task The_postgresql_steps_work_in_the_order_given_on_an_empty_database()
    {
        Assert.True(database.IsPostgres, "PostgresOnly tests run with KITH_TEST_PROVIDER=postgres (./test.sh).");
        var steps = ReadmeSteps();
        Assert.StartsWith("export ConnectionStrings__Postgres=", steps[0]);
        Assert.Equal("dotnet run --project src/Kith", steps[^1]);
        Assert.Contains(steps, s => s.Contains("--role responder", StringComparison.Ordinal));

        // The export names the reader's database; here it is this test's own.
        foreach (var step in steps[1..^1])
        {
            var args = Words(step)[5..]; // after "dotnet run --project src/Kith --"
            var result = await KithProcess.RunCommandAsync(environment, args);
            Assert.True(result.ExitCode == 0, $"`{step}` failed ({result.ExitCode}):\n{result.Output}");
        }
        await using var node = await KithProcess.StartNodeAsync(environment);
        using var http = new HttpClient { BaseAddress = node.Address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }

    /// <summary>The commands of the README's first shell block under "Running on PostgreSQL", without comments.</summary>
    private static List<string> ReadmeSteps()
    {
        var readme = File.ReadAllText(Path.Combine(KithProcess.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## Running on PostgreSQL", StringComparison.Ordinal)..];
        var block = ShellBlock().Match(section);
        Assert.True(block.Success, "no ```sh block under \"Running on PostgreSQL\"");
        return block.Groups[1].Value.Split('\n')
            .Select(line => line.Split(" #", 2)[0].Trim())
            .Where(line => line.Length > 0).ToList();
    }

    /// <summary>A command line split as a POSIX shell splits it (double-quoted words keep their spaces).</summary>
    private static string[] Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"') { quoted = !quoted; any = true; }
            else if (c == ' ' && !quoted)
            {
                if (any) words.Add(word.ToString());
                word.Clear();
                any = false;
            }
            else { word.Append(c); any = true; }
        }
        if (any) words.Add(word.ToString());
        Assert.False(quoted, $"unbalanced quotes in `{line}`");
        Assert.Equal(["dotnet", "run", "--project", "src/Kith", "--"], words.Take(5));
        return [.. words];
    }

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        try { Directory.Delete(keyRing, recursive: true); } catch (IOException) { }
    }
}
