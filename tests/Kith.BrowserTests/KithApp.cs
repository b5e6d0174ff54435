using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>A demo staff sign-in, as printed by the app on its first start.</summary>
public sealed record DemoAccount(string Role, string Email, string Password);

/// <summary>
/// The real app as a separate process (the built Kith.dll, on a fresh SQLite database and key ring in a
/// temp directory, on a free loopback port) plus one headless Debian Chromium driven by Playwright.
/// One per test class; the process tree is killed on dispose.
/// </summary>
public sealed partial class KithApp : IAsyncLifetime
{
    public static readonly string[] DemoRoles = ["admin", "coordinator", "responder", "leader"];

    private readonly StringBuilder output = new();
    private readonly Dictionary<string, DemoAccount> accounts = [];
    private readonly string tempDir = Directory.CreateTempSubdirectory("kith-browser-").FullName;
    private Process? process;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public IReadOnlyDictionary<string, DemoAccount> Accounts => accounts;

    /// <summary>What the app printed so far (for failure messages).</summary>
    public string Output { get { lock (output) return output.ToString(); } }

    public async Task InitializeAsync()
    {
        var (repo, configuration) = Locate();
        var contentRoot = Path.Combine(repo, "src", "Kith");
        var dll = Path.Combine(contentRoot, "bin", configuration, "net10.0", "Kith.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} not found: build the solution ({configuration}) first.");

        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["Urls"] = BaseUrl;
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(tempDir, "kith.db")}";
        start.Environment["ConnectionStrings__Postgres"] = "";
        start.Environment["Kith__KeyRingPath"] = Path.Combine(tempDir, "keys");
        start.Environment["Kith__DemoOnFirstStart"] = "true";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilHealthyAsync();
        // The sign-ins are printed before the app listens, but stdout is read asynchronously: give the reader a moment.
        for (var i = 0; i < 100 && AccountCount() < DemoRoles.Length; i++) await Task.Delay(100);
        if (AccountCount() < DemoRoles.Length)
            throw new InvalidOperationException($"The app did not print the four demo sign-ins. Output:\n{Output}");

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            // Debian's Chromium; never `playwright install`. Playwright gives each launch a fresh
            // temporary user-data directory of its own.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (process is not null)
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (InvalidOperationException) { }
            catch (TimeoutException) { }
            process.Dispose();
        }
        try { Directory.Delete(tempDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A new, isolated browser context (own cookies) with the app as base URL.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true, bool bypassCsp = false) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            Locale = "en-US",
        });

    public string Url(string path) => BaseUrl + path;

    private int AccountCount() { lock (output) return accounts.Count; }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.AppendLine(line);
            var m = CredentialLine().Match(line);
            if (m.Success) accounts[m.Groups["role"].Value] = new(m.Groups["role"].Value, m.Groups["email"].Value, m.Groups["password"].Value);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}. Output:\n{Output}");
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not answer /healthz within two minutes. Output:\n{Output}");
    }

    /// <summary>The repository root and the configuration these tests were built with (bin/&lt;Configuration&gt;/net10.0).</summary>
    private static (string Repo, string Configuration) Locate()
    {
        var binDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = binDir.Parent?.Name ?? "Debug";
        for (var dir = binDir; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kith.slnx")))
                return (dir.FullName, configuration);
        throw new InvalidOperationException($"No Kith.slnx above {binDir}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^\s+(?<role>admin|coordinator|responder|leader)\s+(?<email>\S+@\S+)\s+(?<password>\S+)\s+\(")]
    private static partial Regex CredentialLine();
}
