using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kith.Tests.ServiceDirectory.HsdsApi;

/// <summary>Runs tests/hsds-validate/validate.mjs (ajv against the official compiled HSDS 3.0 schemas) on a folder of documents.</summary>
internal static partial class HsdsValidator
{
    public static string Conformance => Path.GetFullPath(Path.Combine(KithProcess.RepositoryRoot, "tests", "conformance", "hsds-3.0"));
    public static string CompiledSchemas => Path.Combine(Conformance, "schema", "compiled");
    private static string Tool => Path.Combine(KithProcess.RepositoryRoot, "tests", "hsds-validate");

    public sealed record Result(int ExitCode, int Validated, string Output);

    public static async Task<Result> RunAsync(string documents)
    {
        Assert.True(Directory.Exists(CompiledSchemas), $"HSDS schemas not found at {CompiledSchemas}");
        Assert.True(Directory.Exists(Path.Combine(Tool, "node_modules", "ajv")),
            "tests/hsds-validate has no node_modules: run `npm ci` there (test.sh does it)");
        var info = new ProcessStartInfo("node") { WorkingDirectory = Tool, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("validate.mjs");
        info.ArgumentList.Add(CompiledSchemas);
        info.ArgumentList.Add(documents);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var output = await stdout + await stderr;
        var count = Count().Match(output);
        return new(process.ExitCode, count.Success ? int.Parse(count.Groups[1].Value) : -1, output);
    }

    [GeneratedRegex(@"validated (\d+) documents")]
    private static partial Regex Count();
}
