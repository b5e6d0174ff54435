using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Kith.Tests.Infrastructure;

/// <summary>
/// The built Kith executable run as its own process — a real node, or a real `kith &lt;command&gt;` —
/// configured only through environment variables, as an operator would. Shared by the test projects
/// (compiled into each from tests/Shared).
/// </summary>
public sealed partial class KithProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> standardOutput = new();
    private readonly ConcurrentQueue<string> standardError = new();

    /// <summary>What a finished command left: its exit code and what it wrote to each stream.</summary>
    public sealed record Result(int ExitCode, string StdOut, string StdErr, string Output);

    private KithProcess(Process process, Uri? address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); standardOutput.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); standardError.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri? Address { get; }
    public string Output => string.Join('\n', output);

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kith.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Kith.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The app's own build output, in the configuration these tests were built with.</summary>
    public static string Executable
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
            var path = Path.Combine(RepositoryRoot, "src", "Kith", "bin", configuration, "net10.0", "Kith.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Kith first.", path);
        }
    }

    /// <summary>Starts a web node on a free loopback port and waits until /healthz answers.</summary>
    public static Task<KithProcess> StartNodeAsync(IReadOnlyDictionary<string, string> environment) =>
        StartNodeAsync(environment, null, null);

    /// <summary>Starts a web node from another working directory, or of another copy of the app, as a service manager would.</summary>
    public static async Task<KithProcess> StartNodeAsync(IReadOnlyDictionary<string, string> environment, string? workingDirectory, string? executable)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var node = new KithProcess(Start([], environment, address, workingDirectory, executable), address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // A hang guard, not a start-up budget: a node that exits fails at once below, and one still starting on a
        // loaded machine (migrating, seeding the demo, building the search index) is waited for.
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            if (node.process.HasExited)
            {
                // HasExited can be true before the redirected streams are drained; the parameterless wait returns
                // only once both have reached end of file, so the message carries everything the node printed.
                node.process.WaitForExit();
                throw new InvalidOperationException($"Node exited ({node.process.ExitCode}):\n{node.Output}");
            }
            try
            {
                if ((await http.GetAsync(new Uri(address, "/healthz"))).StatusCode == HttpStatusCode.OK) return node;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await node.DisposeAsync();
        throw new TimeoutException("Node did not become healthy:\n" + node.Output);
    }

    /// <summary>Runs `kith &lt;args&gt;` to completion; returns the exit code and everything it printed.</summary>
    public static Task<Result> RunCommandAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunFromAsync(environment, null, null, TimeSpan.FromMinutes(2), args);

    /// <summary>
    /// Runs the app (a command, or with no arguments a web start that should refuse) from a working directory
    /// and executable of the caller's choosing; after <paramref name="limit"/> it is killed (exit code -1).
    /// </summary>
    public static async Task<Result> RunFromAsync(IReadOnlyDictionary<string, string> environment, string? workingDirectory, string? executable,
        TimeSpan limit, params string[] args)
    {
        await using var command = new KithProcess(Start(args, environment, args.Length == 0 ? new Uri($"http://127.0.0.1:{FreePort()}") : null, workingDirectory, executable), null);
        using var timeout = new CancellationTokenSource(limit); // a hang guard, not an assertion
        try
        {
            await command.process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            command.process.Kill(entireProcessTree: true);
            await command.process.WaitForExitAsync();
            return new(-1, string.Join('\n', command.standardOutput), string.Join('\n', command.standardError), command.Output);
        }
        command.process.WaitForExit(); // flushes the redirected output
        return new(command.process.ExitCode, string.Join('\n', command.standardOutput), string.Join('\n', command.standardError), command.Output);
    }

    private static Process Start(string[] args, IReadOnlyDictionary<string, string> environment, Uri? address,
        string? workingDirectory = null, string? executable = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.Combine(RepositoryRoot, "src", "Kith"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(executable ?? Executable);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        // The variable hosts and containers set: a node that listened elsewhere would never answer the test.
        if (address is not null) info.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>The demo sign-ins a first start or `kith seed-demo` prints, by role.</summary>
    public static IReadOnlyDictionary<string, (string Email, string Password)> DemoSignIns(string output) =>
        DemoSignIn().Matches(output).ToDictionary(m => m.Groups["role"].Value, m => (m.Groups["email"].Value, m.Groups["password"].Value));

    [GeneratedRegex(@"^\s+(?<role>admin|coordinator|responder|leader)\s+(?<email>\S+@\S+)\s+(?<password>[a-z0-9]{4}(?:-[a-z0-9]{4}){4})", RegexOptions.Multiline)]
    private static partial Regex DemoSignIn();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL, as a crash or an OOM killer would: no shutdown hooks, no flushing, nothing graceful.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { }
        process.Dispose();
    }
}
