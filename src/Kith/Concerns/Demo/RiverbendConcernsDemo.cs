using Kith.Concerns.Domain;
// Teams are Responders' (ADR 18); their admin pages and the demo's teams move there next, until then they write its entities.
using Kith.Responders.Domain;
using Kith.Platform.Data;
using Kith.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Demo;

/// <summary>
/// The concerns part of the Riverbend demo: the high school's safety team (the demo responder leads it and is
/// on call for a week from seeding) backed up by the county crisis team (the demo administrator), and rules
/// that send the school's concerns to the school, danger to others or to self and Spanish concerns to the
/// county, and everything else to the county as well. Adds only what is missing.
/// </summary>
internal sealed class RiverbendConcernsDemo(KithDb db, ICommunityFacts community, IStaffFacts staffFacts, TimeProvider time) : IDemoContent
{
    public const string SchoolTeam = "Riverbend High School safety team";
    public const string CountyTeam = "County crisis team";
    private const string Responder = "responder@riverbend.example";
    private const string Admin = "admin@riverbend.example";

    public int Order => 20;

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Name, o => o.Id);
        var staff = new Dictionary<string, string>();
        foreach (var email in new[] { Responder, Admin })
            if (await staffFacts.FindByEmailAsync(email, ct) is { } person) staff[email] = person.Id;
        // The community part of the demo made these; without them there is nothing to hang the teams on.
        if (!staff.TryGetValue(Responder, out var responder) || !staff.TryGetValue(Admin, out var admin)
            || !organisations.TryGetValue("Riverbend High School", out var school) || !organisations.TryGetValue("County Public Health", out var health))
            return;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var county = await TeamAsync(CountyTeam, health, admin, null, now, ct);
        var schoolTeam = await TeamAsync(SchoolTeam, school, responder, county, now, ct);

        if (!await db.OnCallShifts.AnyAsync(s => s.TeamId == schoolTeam && s.UserId == responder && s.EndsAt > now, ct))
            db.OnCallShifts.Add(new OnCallShift { Id = Guid.CreateVersion7(now), TeamId = schoolTeam, UserId = responder, StartsAt = now, EndsAt = now.AddDays(7) });
        // The teams are Responders' entities: the model does not order them before the rules that name them, so save them first.
        await db.SaveChangesAsync(ct);

        RoutingRule[] rules =
        [
            new() { OrganisationId = school, TeamId = schoolTeam },
            new() { Category = "suicide-self-harm", Tier = "imminent", TeamId = county },
            new() { Category = "hurting-others", Tier = "imminent", TeamId = county },
            // A real deployment would send these to a Spanish-speaking team; the demo has none, so the county takes them.
            new() { Language = "es", TeamId = county },
            new() { TeamId = county }, // the catch-all: nothing goes to the administrators by default
        ];
        var existing = await db.RoutingRules.ToListAsync(ct);
        var position = existing.Count == 0 ? 0 : existing.Max(r => r.Position);
        foreach (var rule in rules.Where(r => !existing.Any(e => Same(e, r))))
        {
            rule.Id = Guid.CreateVersion7(now);
            rule.Position = ++position;
            db.RoutingRules.Add(rule);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The team of that name, made (with its lead as member) if missing.</summary>
    private async Task<Guid> TeamAsync(string name, Guid organisation, string lead, Guid? backup, DateTime now, CancellationToken ct)
    {
        var id = await db.Teams.Where(t => t.Name == name).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            id = Guid.CreateVersion7(now);
            db.Teams.Add(new Team
            {
                Id = id.Value, Name = name, OrganisationId = organisation, LeadUserId = lead,
                BackupTeamId = backup, CreatedAt = now,
            });
        }
        if (!await db.TeamMembers.AnyAsync(m => m.TeamId == id && m.UserId == lead, ct))
            db.TeamMembers.Add(new TeamMember { TeamId = id.Value, UserId = lead });
        return id.Value;
    }

    private static bool Same(RoutingRule a, RoutingRule b) =>
        a.TeamId == b.TeamId && a.OrganisationId == b.OrganisationId && a.AreaId == b.AreaId && a.Category == b.Category
        && a.Language == b.Language && a.Tier == b.Tier;
}
