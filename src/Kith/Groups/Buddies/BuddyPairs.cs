using Kith.Groups.Domain;
using Kith.Groups.Join;
using Kith.Groups.Persistence;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Buddies;

/// <summary>
/// A member's buddy in one group as they see it: waiting for one, or who it is — and how to reach them only when both
/// let each other see the contact they gave (<see cref="Contact"/> is null otherwise: they meet at the sessions). Public
/// only because a component's parameter must be (<c>BuddyPanel</c>).
/// </summary>
public sealed record BuddyView(bool Paired, bool ShareContact, string? Name = null, string? ContactRoute = null, string? Contact = null);

/// <summary>
/// Peer buddies (issue 15, item 3; ADR 45): members with a place in a group ask for a buddy, and whoever has waited
/// longest is paired with the next to ask; either stops at any time, or leaves the group, and the other is told gently
/// and waits for the next. Asking, stopping and pairing bump the group's revision, so two asking at once cannot both
/// stay waiting. Nothing buddies say passes through Kith: there is no channel between them, only names and, if both
/// agree, the contact each gave.
/// </summary>
internal sealed class BuddyPairs(KithDb db, GroupCode codes, BuddyNotices notices, DeploymentCalendar calendar)
{
    /// <summary>204 asked (or asked before), or 404 for a code or a place that is not theirs or not a place (waiting list, left).</summary>
    public Task<int> AskAsync(string code, Guid enrolmentId, bool shareContact, CancellationToken ct) =>
        Race.RetriedAsync(db, () => TryAskAsync(code, enrolmentId, shareContact, ct));

    /// <summary>204 stopped (or never asked), or 404 for a code or a place that is not theirs.</summary>
    public Task<int> StopAsync(string code, Guid enrolmentId, CancellationToken ct) =>
        Race.RetriedAsync(db, () => TryStopAsync(code, enrolmentId, ct));

    private async Task<int> TryAskAsync(string code, Guid enrolmentId, bool shareContact, CancellationToken ct)
    {
        var (member, enrolment) = await PlaceAsync(code, enrolmentId, ct);
        if (member is null || enrolment is not { Status: EnrolmentStatus.Enrolled }) return StatusCodes.Status404NotFound;
        if (await db.GroupBuddies.AnyAsync(b => b.EnrolmentId == enrolment.Id, ct)) return StatusCodes.Status204NoContent;
        var group = await db.Groups.SingleAsync(g => g.Id == enrolment.GroupId, ct);
        var now = calendar.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        group.Revision++; // the guard: of two asking at once, the second finds the first waiting
        var asking = new Buddy
        {
            Id = Guid.CreateVersion7(now), GroupId = group.Id, EnrolmentId = enrolment.Id, AskedAt = now,
            ShareContact = shareContact && member.ContactRoute != ContactRoutes.None, // nothing to share otherwise
        };
        db.GroupBuddies.Add(asking);
        await PairWaitingAsync(group, asking, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // A double tap: the other request asked for this place at the same moment (the enrolment's row is unique).
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.GroupBuddies.AnyAsync(b => b.EnrolmentId == enrolment.Id, ct)) return StatusCodes.Status204NoContent;
            throw;
        }
        await transaction.CommitAsync(ct);
        return StatusCodes.Status204NoContent;
    }

    private async Task<int> TryStopAsync(string code, Guid enrolmentId, CancellationToken ct)
    {
        var (member, enrolment) = await PlaceAsync(code, enrolmentId, ct);
        if (member is null || enrolment is null) return StatusCodes.Status404NotFound;
        var group = await db.Groups.SingleAsync(g => g.Id == enrolment.GroupId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await EndAsync(group, enrolment.Id, calendar.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return StatusCodes.Status204NoContent;
    }

    /// <summary>
    /// In the caller's unit of work: the member stops having (or waiting for) a buddy in this group — they stopped, or
    /// are leaving it. Their buddy is told and paired with whoever waits, if anyone does.
    /// </summary>
    public async Task EndAsync(Group group, Guid enrolmentId, DateTime now, CancellationToken ct)
    {
        var ending = await db.GroupBuddies.SingleOrDefaultAsync(b => b.EnrolmentId == enrolmentId, ct);
        if (ending is null) return;
        group.Revision++;
        db.GroupBuddies.Remove(ending);
        if (ending.BuddyId is not { } id || await db.GroupBuddies.SingleOrDefaultAsync(b => b.Id == id, ct) is not { } left)
        {
            return;
        }
        var members = await MembersAsync(db, [ending, left], ct);
        left.BuddyId = null;
        left.PairedAt = null;
        left.Revision++;
        await notices.EndedAsync(group, members[left.Id], left, ending.Id, members[ending.Id].Name, now, ct);
        await PairWaitingAsync(group, left, now, ct);
    }

    /// <summary>Their buddy in each of their groups where they asked for one, by enrolment.</summary>
    public async Task<Dictionary<Guid, BuddyView>> OfMemberAsync(Guid memberId, CancellationToken ct)
    {
        var mine = await (from b in db.GroupBuddies.AsNoTracking()
                          join e in db.GroupEnrolments on b.EnrolmentId equals e.Id
                          where e.MemberId == memberId
                          select b).ToListAsync(ct);
        var ids = mine.Where(b => b.BuddyId is not null).Select(b => b.BuddyId!.Value).ToList();
        var others = await (from b in db.GroupBuddies.AsNoTracking()
                            join e in db.GroupEnrolments on b.EnrolmentId equals e.Id
                            join m in db.GroupMembers on e.MemberId equals m.Id
                            where ids.Contains(b.Id)
                            select new { b.Id, b.ShareContact, m.Name, m.ContactRoute, m.Contact }).ToDictionaryAsync(o => o.Id, ct);
        return mine.ToDictionary(b => b.EnrolmentId, b => b.BuddyId is { } id && others.TryGetValue(id, out var o)
            ? b.ShareContact && o.ShareContact && o.Contact is not null
                ? new BuddyView(true, b.ShareContact, o.Name, o.ContactRoute, o.Contact)
                : new BuddyView(true, b.ShareContact, o.Name)
            : new BuddyView(false, b.ShareContact));
    }

    /// <summary>How many members of the group have a buddy: all the organiser sees of it, never who with whom.</summary>
    public Task<int> PairedCountAsync(Guid groupId, CancellationToken ct) =>
        db.GroupBuddies.CountAsync(b => b.GroupId == groupId && b.BuddyId != null, ct);

    /// <summary>The members behind buddy rows (saved or not), by the row's id: for their names and routes.</summary>
    internal static async Task<Dictionary<Guid, GroupMember>> MembersAsync(KithDb db, IReadOnlyCollection<Buddy> buddies, CancellationToken ct)
    {
        var enrolments = buddies.Select(b => b.EnrolmentId).ToList();
        var byEnrolment = await (from e in db.GroupEnrolments.AsNoTracking()
                                 join m in db.GroupMembers.AsNoTracking() on e.MemberId equals m.Id
                                 where enrolments.Contains(e.Id)
                                 select new { e.Id, Member = m }).ToDictionaryAsync(x => x.Id, x => x.Member, ct);
        return buddies.ToDictionary(b => b.Id, b => byEnrolment[b.EnrolmentId]);
    }

    /// <summary>
    /// Pairs whoever waits in the group, oldest first, counting <paramref name="also"/> (not saved yet); each is told,
    /// except a member who just asked (their page shows it).
    /// </summary>
    private async Task PairWaitingAsync(Group group, Buddy also, DateTime now, CancellationToken ct)
    {
        var waiting = await db.GroupBuddies.Where(b => b.GroupId == group.Id && b.BuddyId == null && b.Id != also.Id).ToListAsync(ct);
        var pairs = Pairing.Pairs([.. waiting.Where(b => db.Entry(b).State != EntityState.Deleted), also]);
        if (pairs.Count == 0) return;
        var members = await MembersAsync(db, [.. pairs.SelectMany(p => new[] { p.First, p.Second })], ct);
        var asking = db.Entry(also).State == EntityState.Added ? also.Id : (Guid?)null;
        foreach (var (first, second) in pairs)
        {
            (first.BuddyId, second.BuddyId) = (second.Id, first.Id);
            first.PairedAt = second.PairedAt = now;
            first.Revision++;
            second.Revision++;
            if (first.Id != asking) await notices.PairedAsync(group, members[first.Id], first, members[second.Id].Name, now, ct);
            if (second.Id != asking) await notices.PairedAsync(group, members[second.Id], second, members[first.Id].Name, now, ct);
        }
    }

    private async Task<(GroupMember? Member, Enrolment? Enrolment)> PlaceAsync(string code, Guid enrolmentId, CancellationToken ct)
    {
        var member = await Joining.MemberAsync(db, codes, code, ct);
        if (member is null) return (null, null);
        return (member, await db.GroupEnrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.MemberId == member.Id, ct));
    }
}
