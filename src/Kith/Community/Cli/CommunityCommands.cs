using Kith.Community.Areas;
using Kith.Community.Demo;
using Kith.Community.Organisations;
using Kith.Platform.Cli;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community.Cli;

/// <summary>The community module's operator commands: staff accounts, areas, and the demo.</summary>
internal static class CommunityCommands
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(new OperatorCommand(["seed-demo"], "seed-demo",
            "add the Riverbend demo community (skips what exists) and print demo sign-ins", (app, _) => SeedDemoAsync(app)));
        services.AddSingleton(new OperatorCommand(["organisations", "add"],
            "organisations add --name N [--type T]",
            "add an organisation (a fresh database has none: make one before adding its coordinators or responders)", AddOrganisationAsync));
        services.AddSingleton(new OperatorCommand(["users", "add"],
            "users add --email E --name N --role R [--role R…] [--org NAME|ID …] [--password P]",
            "add a staff account (prints a temporary password when none is given)", AddUserAsync));
        services.AddSingleton(new OperatorCommand(["areas", "import"], "areas import FILE",
            "import or update areas from a GeoJSON FeatureCollection", ImportAreasAsync));
    }

    private static async Task<int> SeedDemoAsync(WebApplication app)
    {
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        using var scope = app.Services.CreateScope();
        var credentials = await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        RiverbendDemo.Print(credentials, Console.Out);
        return 0;
    }

    private static async Task<int> AddOrganisationAsync(WebApplication app, Command command)
    {
        var name = command.Options["name"].FirstOrDefault();
        var type = command.Options["type"].FirstOrDefault() ?? nameof(Domain.OrganisationType.Other);
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrganisationEditor>()
            .CreateAsync(new OrganisationRequest(name, type, null, null, null, null, null, Active: true), actorId: null, CancellationToken.None);
        if (result.Status != OrganisationSaveStatus.Saved)
        {
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) await Console.Error.WriteLineAsync($"--{field}: {m}");
            return 2;
        }
        Console.WriteLine($"Added organisation {name!.Trim()} ({result.Id}).");
        return 0;
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

    private static async Task<int> ImportAreasAsync(WebApplication app, Command command)
    {
        if (command.Arguments is not [_, var file])
        {
            await Console.Error.WriteLineAsync("areas import needs one FILE (a GeoJSON FeatureCollection).");
            return 2;
        }
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
}
