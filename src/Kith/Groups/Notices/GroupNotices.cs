using Kith.Groups.Domain;
using Kith.Lines.Contracts;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Notices;

/// <summary>
/// Texts and emails to group members, by the route each chose and never to a number that sent STOP to any line. They
/// carry the group's title (a neutral one if the person asked), a time, and nothing of where a confidential place is.
/// Enqueued through the outbox in the caller's unit of work, so a notice leaves only if the change commits, once.
/// </summary>
internal sealed class GroupNotices(KithDb db, ITextOptOuts optOuts, DeploymentCalendar calendar)
{
    /// <summary>People moved up from the waiting list are told, each by their own route, with the next session.</summary>
    public async Task PromotedAsync(Group group, IReadOnlyList<Enrolment> promoted, DateTime now, CancellationToken ct)
    {
        if (promoted.Count == 0) return;
        var ids = promoted.Select(p => p.MemberId).ToList();
        var members = await db.GroupMembers.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == group.Id).ToListAsync(ct);
        var nowLocal = calendar.ToLocal(now);
        var next = Schedule.Sessions(group, changes, calendar.ZoneId).FirstOrDefault(s => !s.Cancelled && s.StartLocal > nowLocal);
        foreach (var e in promoted) await PromotedAsync(group, members[e.MemberId], e, next, now, ct);
    }

    private Task PromotedAsync(Group group, GroupMember member, Enrolment enrolment, Session? next, DateTime now, CancellationToken ct)
    {
        var title = GroupTitles.For(group, member.NeutralTitles, next?.StartLocal ?? group.FirstStartLocal);
        var when = next is null ? "" : $" Next session: {next.StartLocal:dddd d MMMM, h:mm tt}.";
        return SendAsync(member, $"A place opened: {title}",
            $"Kith: a place opened in {title} and it is yours.{when} Your private code shows your groups and lets you leave.",
            $"group:{enrolment.Id}:promoted:{now.Ticks}", now, ct);
    }

    public Task ReminderAsync(Group group, GroupMember member, Enrolment enrolment, Session session, string? placeLine, DateTime now, CancellationToken ct)
    {
        var title = GroupTitles.For(group, member.NeutralTitles, session.StartLocal);
        var where = placeLine is null ? "" : $" {placeLine}";
        return SendAsync(member, $"Reminder: {title}",
            $"Kith: {title} is on {session.StartLocal:dddd d MMMM} at {session.StartLocal:h:mm tt}.{where}",
            $"group:{enrolment.Id}:reminder:{session.OriginalStartLocal:yyyyMMddHHmm}", now, ct);
    }

    internal Task SendAsync(GroupMember member, string subject, string body, string key, DateTime now, CancellationToken ct) =>
        ChosenRoute.SendAsync(db, optOuts, member.ContactRoute, member.Contact, subject, body, key, now, ct);
}
