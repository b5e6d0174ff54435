using Kith.Community;
using Kith.Community.Areas;
using Kith.Community.Demo;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Cli;

internal sealed record Command(string Name, IReadOnlyList<string> Arguments, ILookup<string, string> Options, string[] HostArgs);

/// <summary>
/// Operator commands: <c>dotnet run --project src/Kith -- &lt;command&gt;</c>. They use the same
/// configuration and services as the web app, so they act on the same database and key ring.
/// </summary>
internal static class CommandLine
{
    private static readonly string[] Names = ["migrate", "seed-demo", "audit", "users", "areas", "jobs", "model-script", "help", "--help", "-h"];

    public const string Usage = """
        Usage: kith [command] [options]

          (no command)              serve the web app (http://localhost:5080 by default)
          migrate                   apply pending database migrations
          seed-demo                 add the Riverbend demo community (skips what exists) and print demo sign-ins
          audit verify              check the audit log's hash chain; exit 1 at the first broken link
          users add --email E --name N --role R [--role R…] [--org NAME|ID …] [--password P]
                                    add a staff account (prints a temporary password when none is given)
          areas import FILE         import or update areas from a GeoJSON FeatureCollection
          jobs probe [--count N]    enqueue N probe jobs and report which node ran each (checks the job runner)
          model-script              print the DDL EF Core derives from the model (a starting point for a new migration)

        Configuration (appsettings.json, environment variables, or --Key=Value):
          ConnectionStrings__Postgres   use PostgreSQL instead of the embedded SQLite file
          Kith__KeyRingPath             directory of encryption keys and secrets (outside the database)
        """;

    public static Command? Parse(string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0])) return null;
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
        try
        {
            return command.Name switch
            {
                "migrate" => await MigrateAsync(app),
                "seed-demo" => await SeedDemoAsync(app),
                "audit" when command.Arguments is ["verify"] => await VerifyAuditAsync(app),
                "users" when command.Arguments is ["add"] => await AddUserAsync(app, command),
                "areas" when command.Arguments is ["import", var file] => await ImportAreasAsync(app, file),
                "jobs" when command.Arguments is ["probe"] => await ProbeAsync(app, command),
                "model-script" => ModelScript(app),
                _ => Help(command.Name is "help" or "--help" or "-h" ? 0 : 2),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"kith {command.Name}: {e.Message}");
            return 1;
        }
    }

    private static int Help(int code)
    {
        (code == 0 ? Console.Out : Console.Error).WriteLine(Usage);
        return code;
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        var applied = await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        Console.WriteLine(applied == 0 ? "Database is up to date." : $"Applied {applied} migration(s).");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(WebApplication app)
    {
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        using var scope = app.Services.CreateScope();
        var credentials = await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        RiverbendDemo.Print(credentials, Console.Out);
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

    private static async Task<int> AddUserAsync(WebApplication app, Command command)
    {
        var email = command.Options["email"].FirstOrDefault();
        var name = command.Options["name"].FirstOrDefault() ?? email;
        var roles = command.Options["role"].ToList();
        if (email is null || roles.Count == 0)
        {
            await Console.Error.WriteLineAsync("users add needs --email and at least one --role (admin, coordinator, responder, leader).");
            return 2;
        }
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var organisations = new List<Guid>();
        foreach (var org in command.Options["org"])
        {
            var id = Guid.TryParse(org, out var g) ? g : await db.Organisations.Where(o => o.Name == org).Select(o => o.Id).FirstOrDefaultAsync();
            if (id == Guid.Empty || !await db.Organisations.AnyAsync(o => o.Id == id))
            {
                await Console.Error.WriteLineAsync($"No organisation '{org}'.");
                return 2;
            }
            organisations.Add(id);
        }
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccess>()
            .CreateAsync(email, name!, roles, organisations, command.Options["password"].FirstOrDefault(), actorId: null, CancellationToken.None);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) await Console.Error.WriteLineAsync($"{field}: {m}");
            return 2;
        }
        Console.WriteLine($"Added {email} ({string.Join(", ", roles)}).");
        if (result.TemporaryPassword is not null)
            Console.WriteLine($"Temporary password (must be changed at first sign-in): {result.TemporaryPassword}");
        return 0;
    }

    private static async Task<int> ImportAreasAsync(WebApplication app, string file)
    {
        using var scope = app.Services.CreateScope();
        await using var stream = File.OpenRead(file);
        var result = await scope.ServiceProvider.GetRequiredService<AreaImport>().ImportAsync(stream, actorId: null, CancellationToken.None);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems) await Console.Error.WriteLineAsync(problem);
            return 2;
        }
        Console.WriteLine($"Areas: {result.Created} created, {result.Updated} updated.");
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
