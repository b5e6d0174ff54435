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

/// <summary>
/// One before-and-after pair of a group's WHO-5 evaluation, as dashboards may count it: the day the "after" was given,
/// the organisation and kind of group, the two scores out of 100. No group id, no member; publish only in aggregate.
/// </summary>
internal sealed record GroupOutcomeFact(DateOnly Day, Guid OrganisationId, string Kind, string Instrument, int Before, int After);

/// <summary>What the groups module tells others (Insights): facts about sessions and evaluations, never about people.</summary>
internal interface IGroupFacts
{
    /// <summary>Pairs completed (their "after" given) on days from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    Task<IReadOnlyList<GroupOutcomeFact>> OutcomesAsync(DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>Sessions (not cancelled) that began on days from <paramref name="from"/> to <paramref name="to"/> inclusive, up to now.</summary>
    Task<IReadOnlyList<GroupSessionFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
}

internal sealed class GroupFactsFromDatabase(KithDb db, DeploymentCalendar calendar) : IGroupFacts
{
    public async Task<IReadOnlyList<GroupOutcomeFact>> OutcomesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await (from o in db.GroupOutcomes.AsNoTracking()
                          join g in db.Groups.AsNoTracking() on o.GroupId equals g.Id
                          select new { o.PairHash, o.Moment, o.Percentage, o.GivenAt, g.OrganisationId, g.Kind }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.PairHash)
            .Where(p => p.Any(r => r.Moment == Feedback.GroupOutcomes.Before) && p.Any(r => r.Moment == Feedback.GroupOutcomes.After))
            .Select(p => (Before: p.First(r => r.Moment == Feedback.GroupOutcomes.Before), After: p.First(r => r.Moment == Feedback.GroupOutcomes.After)))
            .Select(p => new GroupOutcomeFact(DateOnly.FromDateTime(calendar.ToLocal(p.After.GivenAt)), p.After.OrganisationId, p.After.Kind,
                Feedback.GroupOutcomes.Instrument, p.Before.Percentage, p.After.Percentage))
            .Where(f => f.Day >= from && f.Day <= to)];
    }

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
