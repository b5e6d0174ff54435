using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Kith.Tests.Concerns;

namespace Kith.Tests.Platform.Startup;

/// <summary>
/// The embedded database's folder on a small tmpfs that fills up: /readyz says 503 and a submission gets
/// a clean 503 problem (not a 500, not a hang). Needs root to mount, as on CI (Debian, root): without it
/// the test fails saying so rather than passing unseen.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly string mount = Path.Combine(Path.GetTempPath(), "kith-tests", "tmpfs-" + Guid.NewGuid().ToString("N"));
    private KithApp app = default!;
    private bool mounted;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(mount);
        var result = Run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount);
        mounted = result.ExitCode == 0;
        if (!mounted)
            throw new InvalidOperationException($"DiskFullTests must run as root to mount a tmpfs (uid {Environment.UserName}): {result.Output}");
        // The embedded database whatever the run's provider: the finding is about the local data folder.
        app = new KithApp()
            .Set("ConnectionStrings:Postgres", "")
            .Set("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(mount, "kith.db")}");
        await app.InitializeAsync();
    }

    [Fact]
    public async Task A_full_data_disk_makes_readyz_503_and_a_submission_a_clean_503()
    {
        using var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ConcernData.PostAsync(client, ConcernData.Routine())).StatusCode);

        var filler = Path.Combine(mount, "filler");
        await using (var fill = new FileStream(filler, FileMode.CreateNew))
        {
            var block = new byte[1024 * 1024];
            try { while (true) await fill.WriteAsync(block); }
            catch (IOException) { }
            var tail = new byte[4096];
            try { while (true) { await fill.WriteAsync(tail); await fill.FlushAsync(); } }
            catch (IOException) { }
        }

        var ready = await client.GetAsync("/readyz");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var submitted = await client.PostAsJsonAsync("/api/concerns", ConcernData.Routine(new string('x', 4000) + " (about 4 kB of narrative)"), timeout.Token);
        var problem = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        File.Delete(filler);
        var recovered = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, submitted.StatusCode);
        Assert.Equal("application/problem+json", submitted.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    private static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await ((IAsyncLifetime)app).DisposeAsync();
        if (mounted) Run("umount", "-l", mount);
        try { Directory.Delete(mount, recursive: true); } catch (IOException) { }
    }
}
