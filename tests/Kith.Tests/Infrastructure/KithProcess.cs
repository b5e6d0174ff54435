using System.Diagnostics;

namespace Kith.Tests.Infrastructure;

/// <summary>Runs the built `kith` executable (Kith.dll beside the tests) as an operator would, against a test app's database and key ring.</summary>
public static class KithProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string Output => StdOut + "\n" + StdErr;
    }

    public static async Task<Result> RunAsync(KithApp app, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Kith.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in app.Database.Settings())
            start.Environment[key.Replace(":", "__")] = value ?? "";
        start.Environment["Kith__KeyRingPath"] = app.KeyRingPath;
        start.Environment["Kith__DemoOnFirstStart"] = "false";
        start.Environment["Kith__MigrateOnStart"] = "false";
        start.Environment["Kith__Jobs__Enabled"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a hang guard, not an assertion
        await process.WaitForExitAsync(cancel.Token);
        return new(process.ExitCode, await stdout, await stderr);
    }
}
