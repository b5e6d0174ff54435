using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Kith.Tests.ServiceDirectory.HsdsApi;

/// <summary>
/// Runs tests/hsds-validate/validate.mjs (ajv against the official compiled HSDS 3.0 schemas) on a folder of documents.
/// One validator process serves the whole test process (<c>--serve</c>), one folder at a time: ajv compiles each
/// schema once, where a process per folder compiled the same schemas again for seconds of CPU each time.
/// </summary>
internal static partial class HsdsValidator
{
    public static string Conformance => Path.GetFullPath(Path.Combine(KithProcess.RepositoryRoot, "tests", "conformance", "hsds-3.0"));
    public static string CompiledSchemas => Path.Combine(Conformance, "schema", "compiled");
    private static string Tool => Path.Combine(KithProcess.RepositoryRoot, "tests", "hsds-validate");

    public sealed record Result(int ExitCode, int Validated, string Output);

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static Process? server;

    public static async Task<Result> RunAsync(string documents)
    {
        Assert.True(Directory.Exists(CompiledSchemas), $"HSDS schemas not found at {CompiledSchemas}");
        Assert.True(Directory.Exists(Path.Combine(Tool, "node_modules", "ajv")),
            "tests/hsds-validate has no node_modules: run `npm ci` there (test.sh does it)");
        await OneAtATime.WaitAsync();
        try
        {
            if (server is null || server.HasExited) server = Start();
            await server.StandardInput.WriteLineAsync(Path.GetFullPath(documents));
            await server.StandardInput.FlushAsync();
            var output = new StringBuilder();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var end = End().Match(line);
                if (end.Success)
                {
                    var text = output.ToString();
                    var count = Count().Match(text);
                    return new(int.Parse(end.Groups[1].Value), count.Success ? int.Parse(count.Groups[1].Value) : -1, text);
                }
                output.AppendLine(line);
            }
            server = null;
            return new(-1, -1, output + "the validator process ended without an answer");
        }
        catch (OperationCanceledException)
        {
            // Half an answer would be read as the next folder's: the next call starts a fresh validator.
            server?.Kill();
            server = null;
            throw new TimeoutException($"the HSDS validator took over 3 minutes on {documents}");
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static Process Start()
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Tool, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false,
        };
        info.ArgumentList.Add("validate.mjs");
        info.ArgumentList.Add(CompiledSchemas);
        info.ArgumentList.Add("--serve");
        var process = Process.Start(info)!;
        // Closing its standard input ends it when the test process exits.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { process.StandardInput.Close(); process.WaitForExit(5_000); } catch (InvalidOperationException) { }
        };
        return process;
    }

    [GeneratedRegex(@"validated (\d+) documents")]
    private static partial Regex Count();

    [GeneratedRegex(@"^<<exit (\d+)>>$")]
    private static partial Regex End();
}
