using Kith.Groups.Domain;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Buddies;

/// <summary>
/// Every ten minutes, on whichever node holds the job's lease: in each group between two sessions, once the nudge's time
/// has come (<see cref="Pairing.NudgeAt"/>), each member paired since before it is nudged to check in with their buddy —
/// once per gap. Each nudge is claimed on the member's row (the session it comes before, with the row's revision as a
/// concurrency token) in the same commit as its outbox message, whose key names the row and the session: a second node,
/// or a run after a lost lease, fails that commit and sends nothing. A gap missed while no node ran is not made up.
/// </summary>
internal sealed class BuddyNudges(KithDb db, BuddyNotices notices, DeploymentCalendar calendar, ILogger<BuddyNudges> log) : IRecurringJob
{
    public string Name => "groups.buddy-nudges";
    public TimeSpan Interval => TimeSpan.FromMinutes(10);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var nowLocal = calendar.ToLocal(now);
        var groups = await db.GroupBuddies.AsNoTracking().Where(b => b.BuddyId != null).Select(b => b.GroupId).Distinct().ToListAsync(ct);
        foreach (var id in groups)
        {
            var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == id, ct);
            if (!group.Active) continue;
            var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == id).ToListAsync(ct);
            var sessions = Schedule.Sessions(group, changes, calendar.ZoneId).Where(s => !s.Cancelled).ToList();
            var earlier = sessions.LastOrDefault(s => s.StartLocal <= nowLocal);
            var later = sessions.FirstOrDefault(s => s.StartLocal > nowLocal);
            if (earlier is null || later is null || Pairing.NudgeAt(earlier, later) is not { } at || nowLocal < at) continue;
            var pairedBy = calendar.ToUtc(at); // paired later in this gap: "you are buddies now" was enough for now
            var due = await db.GroupBuddies.AsNoTracking()
                .Where(b => b.GroupId == id && b.BuddyId != null && b.PairedAt <= pairedBy && (b.NudgedBefore == null || b.NudgedBefore != later.OriginalStartLocal))
                .Select(b => b.Id).ToListAsync(ct);
            foreach (var buddy in due) await NudgeAsync(group, buddy, later, now, ct);
        }
    }

    private async Task NudgeAsync(Group group, Guid id, Session later, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var buddy = await db.GroupBuddies.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (buddy?.BuddyId is not { } otherId || buddy.NudgedBefore == later.OriginalStartLocal) return;
        var other = await db.GroupBuddies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == otherId, ct);
        if (other is null) return;
        var members = await BuddyPairs.MembersAsync(db, [buddy, other], ct);
        buddy.NudgedBefore = later.OriginalStartLocal;
        buddy.Revision++;
        await notices.NudgeAsync(group, members[buddy.Id], buddy, members[other.Id].Name, later, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node (or a run after a lost lease) nudged them first, or they stopped meanwhile: nothing more to do.
            log.LogInformation("Buddy {BuddyId} was nudged by another run or changed meanwhile", id);
        }
    }
}
