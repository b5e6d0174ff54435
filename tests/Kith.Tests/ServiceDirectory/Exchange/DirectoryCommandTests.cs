using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>`kith directory import|export` as an operator runs them: the built executable against this class's database.</summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed class DirectoryCommandTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Import_prints_a_summary_a_bad_package_exits_1_with_its_problems_and_export_writes_the_package()
    {
        await DeleteDirectoryAsync(app); // each test starts from an empty directory
        var imported = await KithProcess.RunAsync(app, "directory", "import", ExampleCsv);
        Assert.True(imported.ExitCode == 0, imported.Output);
        Assert.Contains("  service: 1 inserted, 0 updated, 0 unchanged, 0 deleted", imported.StdOut);
        Assert.Contains("warning: locations.csv row 2, column organization_id: no organization has the id 985e4a42", imported.StdErr);
        Assert.DoesNotContain("writing [", imported.StdErr); // small inputs draw no progress

        var before = await DumpAsync(app);
        var broken = await KithProcess.RunAsync(app, "directory", "import", MalformedPackageTests.BrokenPackage(), "--replace");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("cost_options.csv row 2, column amount: 'thirty-five' is not a number", broken.StdErr);
        Assert.Contains("addresses.csv row 1, column city: this required column is missing", broken.StdErr);
        Assert.Contains("8 problem(s); nothing was imported.", broken.StdErr);
        Assert.Equal(before, await DumpAsync(app));

        var target = Path.Combine(TemporaryDirectory(), "export");
        var exported = await KithProcess.RunAsync(app, "directory", "export", target);
        Assert.True(exported.ExitCode == 0, exported.Output);
        Assert.Equal(24, Directory.GetFiles(target).Length); // 21 HSDS tables, service_capacity, translations, datapackage.json (no confidential list in a partner export)
        Assert.Contains("Community Counselling", File.ReadAllText(Path.Combine(target, "services.csv")));

        var again = await KithProcess.RunAsync(app, "directory", "import", target, "--dry-run");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("Dry run (nothing was changed): 0 inserted, 0 updated, 0 deleted", again.StdOut);
    }

    [Fact]
    public async Task Import_reads_a_package_and_json_from_http_urls()
    {
        await DeleteDirectoryAsync(app);
        await using var server = await ServeAsync(Examples);

        var package = await KithProcess.RunAsync(app, "directory", "import", new Uri(server.Address, "csv/datapackage.json").ToString());
        var json = await KithProcess.RunAsync(app, "directory", "import", new Uri(server.Address, "service_full.json").ToString());
        var missing = await KithProcess.RunAsync(app, "directory", "import", new Uri(server.Address, "nothing-here.json").ToString());

        Assert.True(package.ExitCode == 0, package.Output);
        Assert.Contains("  service: 1 inserted, 0 updated, 0 unchanged", package.StdOut);
        Assert.True(json.ExitCode == 0, json.Output);
        Assert.Contains("  service: 0 inserted, 0 updated, 1 unchanged", json.StdOut);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("404", missing.StdErr);
        await WithDbAsync(app, async db => Assert.Equal(1, await db.Services.CountAsync()));
    }

    /// <summary>A tiny static file server on a free loopback port.</summary>
    private static async Task<FileServer> ServeAsync(string root)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        web.MapGet("/{**path}", (string path) =>
        {
            var file = Path.GetFullPath(Path.Combine(root, path));
            return file.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal) && File.Exists(file)
                ? Results.File(file, "application/octet-stream") : Results.NotFound();
        });
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FileServer(web, new Uri(address + "/"));
    }

    private sealed record FileServer(WebApplication Web, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Web.DisposeAsync();
    }
}
