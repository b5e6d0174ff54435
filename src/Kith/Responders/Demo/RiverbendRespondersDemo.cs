using Kith.Platform.Data;
using Kith.Platform.Demo;
using Kith.Responders.Contracts;
using Kith.Responders.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Responders.Demo;

/// <summary>
/// The teams of the Riverbend demo: the high school's safety team (the demo responder leads it and is on call
/// for a week from seeding) backed up by the county crisis team (the demo administrator). Seeded before the
/// concerns part, whose rules send concerns to them. Adds only what is missing.
/// </summary>
internal sealed class RiverbendRespondersDemo(KithDb db, ICommunityFacts community, IStaffFacts staffFacts, TimeProvider time) : IDemoContent
{
    private const string Responder = "responder@riverbend.example";
    private const string Admin = "admin@riverbend.example";
    private const string Coordinator = "coordinator@riverbend.example";

    public int Order => 15;

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Name, o => o.Id);
        var staff = new Dictionary<string, string>();
        foreach (var email in new[] { Responder, Admin, Coordinator })
            if (await staffFacts.FindByEmailAsync(email, ct) is { } person) staff[email] = person.Id;
        // The community part of the demo made these; without them there is nothing to hang the teams on.
        if (!staff.TryGetValue(Responder, out var responder) || !staff.TryGetValue(Admin, out var admin)
            || !organisations.TryGetValue("Riverbend High School", out var school) || !organisations.TryGetValue("County Public Health", out var health))
            return;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var county = await TeamAsync(RiverbendTeams.County, health, admin, null, now, ct);
        var schoolTeam = await TeamAsync(RiverbendTeams.School, school, responder, county, now, ct);
        if (staff.TryGetValue(Coordinator, out var coordinator) && organisations.TryGetValue("Riverbend Community Clinic", out var clinic))
            await TeamAsync(RiverbendTeams.ClinicIntake, clinic, coordinator, county, now, ct);

        if (!await db.OnCallShifts.AnyAsync(s => s.TeamId == schoolTeam && s.UserId == responder && s.EndsAt > now, ct))
            db.OnCallShifts.Add(new OnCallShift { Id = Guid.CreateVersion7(now), TeamId = schoolTeam, UserId = responder, StartsAt = now, EndsAt = now.AddDays(7) });
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
}
