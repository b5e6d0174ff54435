using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Kith.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Cli;

internal sealed record Command(string Name, IReadOnlyList<string> Arguments, ILookup<string, string> Options, string[] HostArgs);

/// <summary>
/// Operator commands: <c>dotnet run --project src/Kith -- &lt;command&gt;</c>. They use the same
/// configuration and services as the web app, so they act on the same database and key ring.
/// </summary>
internal static class CommandLine
{
    /// <summary>The platform's own commands; modules add theirs as <see cref="OperatorCommand"/> services.</summary>
    private static readonly OperatorCommand[] Builtin =
    [
        new(["migrate"], "migrate", "apply pending database migrations", (app, _) => MigrateAsync(app)),
        new(["audit", "verify"], "audit verify", "check the audit log's hash chain; exit 1 at the first broken link", (app, _) => VerifyAuditAsync(app)),
        new(["jobs", "probe"], "jobs probe [--count N]", "enqueue N probe jobs and report which node ran each (checks the job runner)", ProbeAsync),
        new(["keys", "check"], "keys check", "check the key ring against the check values in the database; exit 1 naming each missing or wrong key", (app, _) => CheckKeysAsync(app)),
        new(["model-script"], "model-script", "print the DDL EF Core derives from the model (a start for a new migration)", (app, _) => Task.FromResult(ModelScript(app))),
    ];

    private const string Configuration = """

        Configuration (appsettings.json, environment variables, or --Key=Value):
          ConnectionStrings__Postgres   use PostgreSQL instead of the embedded SQLite file
          Kith__KeyRingPath             directory of encryption keys and secrets (outside the database)
          (relative paths of the database file and key ring resolve against the working directory)
        """;

    public static string Usage(IEnumerable<OperatorCommand> commands) =>
        "Usage: kith [command] [options]\n\n  (no command)  serve the web app (http://localhost:5080 by default)\n"
        + string.Concat(commands.Select(c => $"  {c.Usage}\n      {c.Summary}\n")) + Configuration;

    /// <summary>A first argument that is not an option names a command; options alone start the web host.</summary>
    public static Command? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("--help" or "-h")) return null;
        var positional = new List<string>();
        var options = new List<(string, string)>();
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))
                host.Add(a); // configuration override, e.g. --ConnectionStrings:Postgres=…
            else if (a.StartsWith("--", StringComparison.Ordinal))
                options.Add((a[2..], i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true"));
            else
                positional.Add(a);
        }
        return new Command(args[0], positional, options.ToLookup(o => o.Item1, o => o.Item2), host.ToArray());
    }

    public static async Task<int> RunAsync(WebApplication app, Command command)
    {
        var commands = Builtin.Concat(app.Services.GetServices<OperatorCommand>()).ToList();
        if (command.Name is "help" or "--help" or "-h")
        {
            Console.WriteLine(Usage(commands));
            return 0;
        }
        var chosen = commands.Where(c => c.Matches(command)).MaxBy(c => c.Words.Length);
        if (chosen is null)
        {
            await Console.Error.WriteLineAsync(Usage(commands));
            return 2;
        }
        try
        {
            // Commands act on the data: not with a key ring that would silently make new keys. Afterwards the
            // check values are recorded, for a command (migrate, seed-demo) that made the database they go in.
            var actsOnData = chosen.Words is not ["model-script"] and not ["keys", "check"] and not ["insights", "detect"];
            if (actsOnData && !await app.PrepareCommandAsync()) return 1;
            var exitCode = await chosen.Run(app, command);
            return exitCode == 0 && actsOnData && !await app.PrepareCommandAsync() ? 1 : exitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"kith {string.Join(' ', chosen.Words)}: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        var applied = await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        Console.WriteLine(applied == 0 ? "Database is up to date." : $"Applied {applied} migration(s).");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        if (result.Intact)
        {
            Console.WriteLine($"Audit log intact: {result.Entries} entries; head {result.HeadHash}.");
            return 0;
        }
        await Console.Error.WriteLineAsync($"Audit log BROKEN at entry {result.Break!.EntryId}: {result.Break.Reason}. {result.Entries} entries before it verified.");
        return 1;
    }

    private static async Task<int> CheckKeysAsync(WebApplication app)
    {
        var problems = await app.Services.GetRequiredService<KeyChecks>().VerifyAsync();
        foreach (var problem in problems) await Console.Error.WriteLineAsync(problem);
        if (problems.Count > 0) return 1;
        using var scope = app.Services.CreateScope();
        var names = await scope.ServiceProvider.GetRequiredService<KithDb>().KeyChecks.Select(c => c.Name).OrderBy(n => n).ToListAsync();
        Console.WriteLine($"Key ring matches the database ({names.Count} check values: {string.Join(", ", names)}).");
        return 0;
    }

    private static int ModelScript(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        Console.WriteLine(scope.ServiceProvider.GetRequiredService<KithDb>().Database.GenerateCreateScript());
        return 0;
    }

    private static async Task<int> ProbeAsync(WebApplication app, Command command)
    {
        var count = int.TryParse(command.Options["count"].FirstOrDefault(), out var n) ? Math.Clamp(n, 1, 100_000) : 20;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var message = OutboxMessage.Create(Probe.TopicName, new { }, now);
            ids.Add(message.Id);
            db.Outbox.Add(message);
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"Enqueued {count} probes; waiting up to 60 s for the running nodes to take them…");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && await db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.CompletedAt == null) > 0)
            await Task.Delay(500);
        var runs = await db.ProbeRuns.Where(r => ids.Contains(r.MessageId)).GroupBy(r => r.NodeId).Select(g => new { Node = g.Key, Count = g.Count() }).ToListAsync();
        foreach (var r in runs) Console.WriteLine($"  {r.Node}: {r.Count}");
        var total = runs.Sum(r => r.Count);
        Console.WriteLine($"{total} runs for {count} probes.");
        return total == count ? 0 : 1;
    }
}
