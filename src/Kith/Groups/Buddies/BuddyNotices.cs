using Kith.Groups.Domain;
using Kith.Groups.Notices;

namespace Kith.Groups.Buddies;

/// <summary>
/// What buddies are told, each by the route they chose (never past STOP; <see cref="GroupNotices"/>): that they have a
/// buddy, that their buddy stopped, and a nudge between sessions. Short, asking nothing; the group's name only for
/// members who did not ask for neutral titles; never a place.
/// </summary>
internal sealed class BuddyNotices(GroupNotices notices)
{
    public Task PairedAsync(Group group, GroupMember member, Buddy buddy, string buddyName, DateTime now, CancellationToken ct)
    {
        var title = Title(group, member, group.FirstStartLocal);
        return notices.SendAsync(member, $"A buddy in {title}",
            $"Kith: {buddyName} in {title} asked for a buddy too, so you are buddies now. Your groups page (with your private code) says how you can reach each other.",
            $"group-buddy:{buddy.Id:N}:paired:{buddy.BuddyId:N}", now, ct);
    }

    public Task EndedAsync(Group group, GroupMember member, Buddy buddy, Guid endedBy, string buddyName, DateTime now, CancellationToken ct)
    {
        var title = Title(group, member, group.FirstStartLocal);
        return notices.SendAsync(member, $"Your buddy in {title}",
            $"Kith: {buddyName} stopped being your buddy in {title}; people stop for all kinds of reasons. When someone else in the group asks for a buddy, we pair you. Your groups page lets you stop.",
            $"group-buddy:{buddy.Id:N}:ended:{endedBy:N}", now, ct);
    }

    /// <summary>One per member and gap between sessions: the key names the session it comes before.</summary>
    public Task NudgeAsync(Group group, GroupMember member, Buddy buddy, string buddyName, Session next, DateTime now, CancellationToken ct) =>
        notices.SendAsync(member, $"Before {Title(group, member, next.StartLocal)}",
            $"Kith: maybe check in with {buddyName} before {next.StartLocal:dddd}'s group? Only if you feel like it.",
            $"group-buddy:{buddy.Id:N}:nudge:{next.OriginalStartLocal:yyyyMMddHHmm}", now, ct);

    private static string Title(Group group, GroupMember member, DateTime startLocal) => GroupTitles.For(group, member.NeutralTitles, startLocal);
}
