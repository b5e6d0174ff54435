using Kith.Groups.Domain;
using Kith.Groups.Join;
using Kith.Groups.Notices;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Reminders;

/// <summary>
/// Every ten minutes, on whichever node holds the job's lease: everyone with a place in a group and a way to be reached
/// is reminded of each session in the next day — once, whichever node and however many runs see it, because each
/// reminder's outbox key names the member's place and the session. Never to a number that sent STOP; a confidential
/// place is never named or addressed; a member who asked for neutral titles gets the weekday title and the address only.
/// </summary>
internal sealed class SessionReminders(KithDb db, GroupNotices notices, IDirectoryListings directory, DeploymentCalendar calendar) : IRecurringJob
{
    /// <summary>How long before a session its reminder goes.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    public string Name => "groups.session-reminders";
    public TimeSpan Interval => TimeSpan.FromMinutes(10);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var nowLocal = calendar.ToLocal(now);
        var groups = await db.Groups.AsNoTracking().Where(g => g.Active).ToListAsync(ct);
        foreach (var g in groups)
        {
            var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == g.Id).ToListAsync(ct);
            var soon = Schedule.Sessions(g, changes, calendar.ZoneId)
                .Where(s => !s.Cancelled && s.StartLocal > nowLocal && calendar.ToUtc(s.StartLocal) - now <= Ahead).ToList();
            if (soon.Count == 0) continue;
            var people = await (from e in db.GroupEnrolments.AsNoTracking()
                                join m in db.GroupMembers.AsNoTracking() on e.MemberId equals m.Id
                                where e.GroupId == g.Id && e.Status == EnrolmentStatus.Enrolled && m.ContactRoute != ContactRoutes.None
                                select new { Enrolment = e, Member = m }).ToListAsync(ct);
            if (people.Count == 0) continue;
            var place = g.LocationId is { } location ? await directory.PlaceAsync(location, ct) : null;
            foreach (var session in soon)
                foreach (var p in people)
                    await notices.ReminderAsync(g, p.Member, p.Enrolment, session, PlaceLine(place, p.Member.NeutralTitles), now, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Where, as a reminder on a lock screen may say it.</summary>
    private static string? PlaceLine(PlaceFact? place, bool neutral) =>
        neutral && place is { Confidential: false, Address: { } address } ? address : Joining.PlaceLine(place);
}
