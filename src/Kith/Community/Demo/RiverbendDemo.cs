using System.Reflection;
using System.Text.Json;
using Kith.Community.Areas;
using Kith.Community.Domain;
using Kith.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community.Demo;

internal sealed record DemoCredential(string Role, string Email, string Password, string Organisation);

/// <summary>
/// Riverbend County, the demo community (docs/demo.md): eight areas, its organisations, and
/// one staff account per role with passwords generated on the spot. Never run in production.
/// </summary>
internal sealed class RiverbendDemo(KithDb db, AreaImport areas, StaffAccess staff, UserManager<StaffUser> users,
    RoleManager<StaffRole> roles, Platform.Security.PasswordGenerator passwords, TimeProvider time,
    IEnumerable<Platform.Demo.IDemoContent> parts)
{
    public static readonly IReadOnlyList<(string Name, OrganisationType Type, string Area, string Description, string Phone)> Organisations =
    [
        ("Riverbend High School", OrganisationType.School, "eastbank", "Grades 9–12; counselling team and student support.", "507-555-0110"),
        ("Riverbend Community Clinic", OrganisationType.Clinic, "old-town", "Primary care, counselling and psychiatry; sliding-scale fees.", "507-555-0120"),
        ("St. Mary's Parish", OrganisationType.Faith, "southgate", "Catholic parish; Spanish-language ministry, parenting workshops with childcare.", "507-555-0130"),
        ("Cedar Flats Community Centre", OrganisationType.CommunityCentre, "cedar-flats", "Somali community centre: youth programmes, storytelling circle, family support.", "507-555-0140"),
        ("Riverbend Public Library", OrganisationType.Library, "old-town", "Library with quiet rooms, therapy-dog hours and free internet.", "507-555-0150"),
        ("Riverside Senior Centre", OrganisationType.CommunityCentre, "riverside", "Meals, activities and walk-and-talk for older residents.", "507-555-0160"),
        ("Millside Manufacturing", OrganisationType.Workplace, "millside", "The plant's employee assistance programme and shift-friendly support group.", "507-555-0170"),
        ("Riverbend Veterans' Hall", OrganisationType.Veterans, "hillcrest", "Veterans' coffee group and peer check-ins.", "507-555-0180"),
        ("North Farms Farm Bureau", OrganisationType.Farm, "north-farms", "Farm families' association; farm stress outreach.", "507-555-0190"),
        ("County Public Health", OrganisationType.Government, "old-town", "Riverbend County's public health department.", "507-555-0200"),
        ("Riverbend Food Shelf", OrganisationType.Other, "southgate", "Free groceries, no questions asked.", "507-555-0210"),
    ];

    private static readonly (string Role, string Email, string Name, string Organisation)[] Staff =
    [
        (Roles.Admin, "admin@riverbend.example", "Alex Admin", "County Public Health"),
        (Roles.Coordinator, "coordinator@riverbend.example", "Casey Coordinator", "Riverbend Community Clinic"),
        (Roles.Responder, "responder@riverbend.example", "Robin Responder", "Riverbend High School"),
        (Roles.Leader, "leader@riverbend.example", "Lee Leader", "County Public Health"),
    ];

    /// <summary>Seeds only a brand-new database (no organisations, no staff).</summary>
    public async Task<IReadOnlyList<DemoCredential>> SeedIfEmptyAsync(CancellationToken ct) =>
        await db.Organisations.AnyAsync(ct) || await db.Users.AnyAsync(ct) ? [] : await SeedAsync(ct);

    /// <summary>Adds whatever of the demo is missing; returns sign-ins for the accounts it created.</summary>
    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new StaffRole(role));

        await using (var geo = Assembly.GetExecutingAssembly().GetManifestResourceStream("demo/riverbend-areas.geojson")!)
        {
            var imported = await areas.ImportAsync(geo, actorId: null, ct);
            if (!imported.Succeeded) throw new InvalidOperationException("Demo areas: " + string.Join("; ", imported.Problems));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var areaIds = await db.Areas.ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        foreach (var (name, type, area, description, phone) in Organisations)
        {
            if (await db.Organisations.AnyAsync(o => o.Name == name, ct)) continue;
            db.Organisations.Add(new Organisation
            {
                Id = Guid.CreateVersion7(now), Name = name, Type = type, Description = description, Phone = phone,
                AreaId = areaIds.GetValueOrDefault(area), CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);

        var credentials = new List<DemoCredential>();
        foreach (var (role, email, name, organisation) in Staff)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var orgId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync(ct);
            var password = passwords.Generate();
            var created = await staff.CreateAsync(email, name, [role], [orgId], password, actorId: null, ct);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo account {email}: " + JsonSerializer.Serialize(created.Errors));
            credentials.Add(new(role, email, password, organisation));
        }
        foreach (var part in parts.OrderBy(p => p.Order))
            await part.SeedAsync(ct);
        return credentials;
    }

    public static void Print(IReadOnlyList<DemoCredential> credentials, TextWriter output, string signInAt = "/staff/sign-in")
    {
        if (credentials.Count == 0)
        {
            output.WriteLine("Riverbend demo: nothing new to add (its accounts already exist).");
            return;
        }
        // One framed block of plain text, written in one call: among the app's JSON log lines a person finds it at
        // a glance, and no log line can land inside it. Never logged: the log is kept and shipped, these are secrets.
        var frame = new string('=', 96);
        var block = new System.Text.StringBuilder().AppendLine().AppendLine(frame)
            .AppendLine("  Riverbend demo community seeded. Demo staff sign-ins (shown once; not for production):")
            .AppendLine();
        foreach (var c in credentials)
            block.AppendLine($"  {c.Role,-12} {c.Email,-32} {c.Password}   ({c.Organisation})");
        block.AppendLine().AppendLine($"  Sign in at {signInAt}").AppendLine(frame).AppendLine();
        output.Write(block.ToString());
        output.Flush();
    }
}
