using Kith.Groups.Domain;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Contracts;

/// <summary>
/// One group session as dashboards may count it: no group id, no member, no words — the day it met (deployment time
/// zone), the organisation and the kind of group, how many had a place when it was counted, how many were marked present
/// (none if attendance was not marked), and the feedback after it: answers, the sum of their 1–5 ratings, and how many
/// comments went to a responder. Anyone publishing counts of these must hide small cells: one fact is a handful of people.
/// </summary>
internal sealed record GroupSessionFact(
    DateOnly Day, Guid OrganisationId, string Kind, int Enrolled, int? Present, int Feedback, int HelpfulSum, int PassedToResponder);

/// <summary>What the groups module tells others (Insights): facts about sessions, never about people.</summary>
internal interface IGroupFacts
{
    /// <summary>Sessions (not cancelled) that began on days from <paramref name="from"/> to <paramref name="to"/> inclusive, up to now.</summary>
    Task<IReadOnlyList<GroupSessionFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
}

internal sealed class GroupFactsFromDatabase(KithDb db, DeploymentCalendar calendar) : IGroupFacts
{
    public async Task<IReadOnlyList<GroupSessionFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var nowLocal = calendar.ToLocal(calendar.UtcNow);
        var facts = new List<GroupSessionFact>();
        foreach (var group in await db.Groups.AsNoTracking().ToListAsync(ct))
        {
            var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == group.Id).ToListAsync(ct);
            var sessions = Schedule.Sessions(group, changes, calendar.ZoneId)
                .Where(s => !s.Cancelled && s.StartLocal <= nowLocal && DateOnly.FromDateTime(s.StartLocal) >= from && DateOnly.FromDateTime(s.StartLocal) <= to).ToList();
            if (sessions.Count == 0) continue;
            var enrolments = await db.GroupEnrolments.AsNoTracking().Where(e => e.GroupId == group.Id).Select(e => new { e.Id, e.Status }).ToListAsync(ct);
            var ids = enrolments.Select(e => e.Id).ToList();
            var attendance = (await db.GroupAttendance.AsNoTracking().Where(a => ids.Contains(a.EnrolmentId)).ToListAsync(ct)).ToLookup(a => a.SessionLocal);
            var feedback = (await db.GroupFeedback.AsNoTracking().Where(f => f.GroupId == group.Id).Select(f => new { f.SessionLocal, f.Helpful, f.PassedToResponder }).ToListAsync(ct))
                .ToLookup(f => f.SessionLocal);
            var enrolled = enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled);
            foreach (var s in sessions)
            {
                var marked = attendance[s.OriginalStartLocal].ToList();
                var said = feedback[s.OriginalStartLocal].ToList();
                facts.Add(new GroupSessionFact(DateOnly.FromDateTime(s.StartLocal), group.OrganisationId, group.Kind,
                    marked.Count > 0 ? marked.Count : enrolled, marked.Count > 0 ? marked.Count(a => a.Present) : null,
                    said.Count, said.Sum(f => f.Helpful), said.Count(f => f.PassedToResponder)));
            }
        }
        return facts;
    }
}
