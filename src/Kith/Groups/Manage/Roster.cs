using System.Security.Claims;
using Kith.Groups.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Manage;

internal sealed record RosterRow(Guid EnrolmentId, string Name, string Standing, string ContactRoute, bool NeedsChildcare, bool NeedsTransport,
    string? InterpreterLanguage, DateTime JoinedAt);

/// <summary>What the organiser needs to prepare: how many need childcare, transport, an interpreter (by language).</summary>
internal sealed record NeedsSummary(int Childcare, int Transport, IReadOnlyDictionary<string, int> Interpreters);

/// <summary>A session as the organiser sees it; <see cref="Present"/> once attendance is marked, <see cref="Begun"/> when it may be.</summary>
internal sealed record SessionView(string OriginalStart, string Start, string End, bool Cancelled, bool Moved, bool Begun, int? Present, IReadOnlyList<Guid> PresentIds);

internal sealed record GroupDetails(Guid Id, Guid Organisation, string Name, string Kind, string? Focus, string Description, string Facilitators, string Needs,
    string? LocationId, string? VideoUrl, string FirstStart, int DurationMinutes, string? Rule, int Capacity, string Language, bool Active,
    string? ServiceId, int Sequence, int Enrolled, int Waitlisted, NeedsSummary NeedsToCome, IReadOnlyList<SessionView> Sessions, IReadOnlyList<RosterRow> Roster)
{
    /// <summary>The people who help scheduled to lead it (Volunteers module ids).</summary>
    public IReadOnlyList<Guid> Leaders { get; init; } = [];
    /// <summary>The training each leader must hold current, if any.</summary>
    public Guid? RequiredTrainingId { get; init; }
}

internal sealed record GroupRow(Guid Id, string Name, string Kind, bool Active, int Capacity, int Enrolled, int Waitlisted);

/// <summary>
/// A group as its organisation's coordinators see it: its sessions, who is in and waiting (first names and what they
/// need to come — never their number or address), audited as a read of people's details.
/// </summary>
internal sealed class Roster(KithDb db, DeploymentCalendar calendar, AuditLog audit)
{
    public async Task<IReadOnlyList<GroupRow>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var mine = user.Organisations();
        var admin = user.IsInRole(Roles.Admin);
        var groups = await db.Groups.AsNoTracking().Where(g => admin || mine.Contains(g.OrganisationId)).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.Kind, g.Active, g.Capacity }).ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var counts = await db.GroupEnrolments.AsNoTracking().Where(e => ids.Contains(e.GroupId) && e.Status != EnrolmentStatus.Left)
            .GroupBy(e => new { e.GroupId, e.Status }).Select(g => new { g.Key.GroupId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid id, string status) => counts.Where(c => c.GroupId == id && c.Status == status).Sum(c => c.Count);
        return [.. groups.Select(g => new GroupRow(g.Id, g.Name, g.Kind, g.Active, g.Capacity, Count(g.Id, EnrolmentStatus.Enrolled), Count(g.Id, EnrolmentStatus.Waitlisted)))];
    }

    public async Task<GroupDetails?> ReadAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var g = await db.Groups.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null || !(user.IsInRole(Roles.Admin) || user.Organisations().Contains(g.OrganisationId))) return null;
        var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == id).ToListAsync(ct);
        var people = await (from e in db.GroupEnrolments.AsNoTracking()
                            join m in db.GroupMembers.AsNoTracking() on e.MemberId equals m.Id
                            where e.GroupId == id && e.Status != EnrolmentStatus.Left
                            orderby e.Status, e.JoinedAt
                            select new RosterRow(e.Id, m.Name, e.Status, m.ContactRoute, e.NeedsChildcare, e.NeedsTransport, e.InterpreterLanguage, e.JoinedAt))
            .ToListAsync(ct);
        var coming = people.Where(p => p.Standing == EnrolmentStatus.Enrolled).ToList();
        var needs = new NeedsSummary(coming.Count(p => p.NeedsChildcare), coming.Count(p => p.NeedsTransport),
            coming.Where(p => p.InterpreterLanguage is not null).GroupBy(p => p.InterpreterLanguage!).ToDictionary(x => x.Key, x => x.Count()));
        await audit.RecordAsync("groups.roster-read", user.FindFirstValue(ClaimTypes.NameIdentifier), "group", id.ToString(), null, ct);
        static string Iso(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var enrolmentIds = people.Select(p => p.EnrolmentId).ToList();
        var attendance = (await db.GroupAttendance.AsNoTracking().Where(a => enrolmentIds.Contains(a.EnrolmentId)).ToListAsync(ct)).ToLookup(a => a.SessionLocal);
        var nowLocal = calendar.ToLocal(calendar.UtcNow);
        var sessions = Schedule.Sessions(g, changes, calendar.ZoneId)
            .Select(s => new SessionView(Iso(s.OriginalStartLocal), Iso(s.StartLocal), Iso(s.EndLocal), s.Cancelled, s.Moved, s.StartLocal <= nowLocal,
                attendance[s.OriginalStartLocal].Any() ? attendance[s.OriginalStartLocal].Count(a => a.Present) : null,
                [.. attendance[s.OriginalStartLocal].Where(a => a.Present).Select(a => a.EnrolmentId)])).ToList();
        return new GroupDetails(g.Id, g.OrganisationId, g.Name, g.Kind, g.Focus, g.Description, g.Facilitators, g.Needs, g.LocationId, g.VideoUrl, Iso(g.FirstStartLocal),
            g.DurationMinutes, g.Rule, g.Capacity, g.Language, g.Active, g.ServiceId, g.Sequence,
            coming.Count, people.Count(p => p.Standing == EnrolmentStatus.Waitlisted), needs, sessions, people)
        {
            Leaders = await db.GroupLeaders.AsNoTracking().Where(l => l.GroupId == id).Select(l => l.VolunteerId).ToListAsync(ct),
            RequiredTrainingId = g.RequiredTrainingId,
        };
    }
}
