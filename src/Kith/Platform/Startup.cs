using System.Text.Json;
using Kith.Platform.Data;
using Kith.Platform.Safety;
using Kith.Platform.Security;
using Kith.Platform.Web;
using Microsoft.Extensions.Options;

namespace Kith.Platform;

internal static class Startup
{
    /// <summary>
    /// Refuses to start (false, with one line on standard error) without the settings file, crisis lines,
    /// static assets, or a key ring that serves what the database holds. Then, in embedded mode, migrates;
    /// on PostgreSQL `kith migrate` is a deliberate deployment step (unless Kith:MigrateOnStart is set).
    /// Modules add their own first-start work after this.
    /// </summary>
    public static async Task<bool> PrepareAsync(this WebApplication app)
    {
        var problems = SettingsProblems(app).Concat(CrisisLineProblems(app)).Concat(StaticAssetProblems(app)).Concat(FhirProblems(app)).ToList();
        if (problems.Count == 0)
        {
            var database = app.Services.GetRequiredService<DatabaseSettings>();
            if (app.Configuration.GetValue("Kith:MigrateOnStart", !database.IsPostgres))
                await app.Services.GetRequiredService<Migrator>().MigrateAsync();
            problems.AddRange(await app.Services.GetRequiredService<KeyChecks>().VerifyAndRecordAsync());
        }
        return Refuse(problems);
    }

    /// <summary>What an operator command needs before it acts on the data: the settings file and the key ring.</summary>
    public static async Task<bool> PrepareCommandAsync(this WebApplication app) =>
        Refuse([.. SettingsProblems(app), .. await app.Services.GetRequiredService<KeyChecks>().VerifyAndRecordAsync()]);

    private static bool Refuse(IReadOnlyList<string> problems)
    {
        if (problems.Count == 0) return true;
        // Written directly: the logger's queue may not be flushed before the process exits.
        Console.Error.WriteLine("Kith refused to start: " + string.Join(" ", problems));
        return false;
    }

    private static IEnumerable<string> SettingsProblems(WebApplication app)
    {
        var file = Path.Combine(app.Environment.ContentRootPath, "appsettings.json");
        if (!File.Exists(file)) yield return $"the settings file {file} is missing.";
    }

    private static IEnumerable<string> CrisisLineProblems(WebApplication app)
    {
        var lines = app.Services.GetRequiredService<IOptions<CrisisLineOptions>>().Value.CrisisLines;
        if (lines.Count == 0)
            yield return "no crisis lines are configured (Kith:CrisisLines): every page's \"Get help now\" band would be empty.";
        foreach (var line in lines.Where(l => string.IsNullOrWhiteSpace(l.Id) || (string.IsNullOrWhiteSpace(l.Call) && string.IsNullOrWhiteSpace(l.Text))))
            yield return $"crisis line '{line.Id}' has no number to call or text.";
    }

    private static IEnumerable<string> FhirProblems(WebApplication app)
    {
        if (Fhir.CanonicalBase.Problem(app.Configuration) is { } problem) yield return problem;
    }

    /// <summary>Every file the static-asset endpoints serve must exist and not be empty (else CSS and scripts answer 200 with nothing).</summary>
    private static IEnumerable<string> StaticAssetProblems(WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (!File.Exists(manifest))
        {
            yield return $"the static asset manifest {manifest} is missing.";
            yield break;
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
        var files = document.RootElement.GetProperty("Endpoints").EnumerateArray()
            .Select(e => e.GetProperty("AssetFile").GetString()!).Distinct().Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) yield return $"the static asset manifest {manifest} lists no assets.";
        var missing = files.Where(f => app.Environment.WebRootFileProvider.GetFileInfo(f) is not { Exists: true, Length: > 0 }).ToList();
        if (missing.Count > 0)
            yield return $"{missing.Count} static asset(s) are missing or empty under {app.Environment.WebRootPath ?? "the web root"} (e.g. {missing[0]}).";
    }
}
