using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kith.Tests.Screening.Fhir;

/// <summary>Runs tests/fhir-validate/validate.mjs (the official FHIR R4 JSON schema) on resources, one per line on stdin.</summary>
internal static partial class FhirValidator
{
    private static string Tool => Path.Combine(KithProcess.RepositoryRoot, "tests", "fhir-validate");

    /// <summary>Asserts every resource is valid FHIR R4, showing the validator's errors when one is not.</summary>
    public static async Task AssertValidAsync(params JsonNode[] resources)
    {
        Assert.True(Directory.Exists(Path.Combine(Tool, "node_modules", "@asymmetrik", "fhir-json-schema-validator")),
            "tests/fhir-validate has no node_modules: run `npm ci` there (test.sh does it)");
        var info = new ProcessStartInfo("node") { WorkingDirectory = Tool, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("validate.mjs");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        foreach (var resource in resources) await process.StandardInput.WriteLineAsync(resource.ToJsonString());
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output);
        var count = Count().Match(output);
        Assert.True(count.Success && int.Parse(count.Groups[1].Value) == resources.Length, output);
    }

    [GeneratedRegex(@"validated (\d+) resources")]
    private static partial Regex Count();
}
