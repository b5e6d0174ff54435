using Kith.Groups.Buddies;
using Kith.Groups.Domain;
using Kith.Groups.Notices;
using Kith.Groups.Persistence;
using Kith.Platform.Data;
using Kith.Platform.Security;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Join;

/// <summary>What joining came to: 201 with the place (enrolled or waitlisted) and a new code if one was made, or the problems.</summary>
internal sealed record JoinResult(int Status, string? Standing = null, string? NewCode = null, Dictionary<string, string[]>? Errors = null, string? Message = null)
{
    public static JoinResult Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, Errors: new() { [field] = [message] });

    /// <summary>A join form (or Idempotency-Key) sent before whose result is no longer shown: nothing is made again.</summary>
    public static readonly JoinResult AlreadySent = new(StatusCodes.Status409Conflict, Errors: new()
    {
        [JoinOnce.Field] = ["This form was already sent. If it gave you a private code, use it to see your groups; to join again, fill in the form anew."],
    });
}

/// <summary>
/// One of a person's groups as they see it with their code: where and when, never a confidential address; with a place,
/// their <see cref="Buddy"/> or their wait for one, if they asked (null if not).
/// </summary>
internal sealed record MyGroup(Guid EnrolmentId, Guid GroupId, string Title, string Standing, DateTime? NextStartLocal, string? Place, string? VideoUrl, int? WaitingBefore,
    BuddyView? Buddy = null);

/// <summary><see cref="ContactRoute"/>: how they chose to be reached (a buddy can be shown a contact only if they gave one).</summary>
internal sealed record MyGroups(string Name, bool NeutralTitles, IReadOnlyList<MyGroup> Groups, string FeedPath, string ContactRoute);

/// <summary>
/// Joining and leaving groups with a private code instead of an account. A place goes to whoever joins while places
/// last, then to the waiting list in order; when someone leaves, the longest waiting moves up and is told. Every change
/// to a group's places bumps the group's revision, so two people racing for the last place cannot both get it.
/// </summary>
internal sealed class Joining(KithDb db, GroupCode codes, IDirectoryListings directory, GroupNotices notices, BuddyPairs buddies, DeploymentCalendar calendar, IServiceProvider services)
{
    /// <param name="once">The one-time token the join was sent with (<see cref="JoinOnce"/>): a new member's code is made from it.</param>
    public async Task<JoinResult> JoinAsync(Guid groupId, JoinRequest request, string? once, CancellationToken ct)
    {
        var errors = JoinRules.Check(request, services, out var contact);
        if (errors.Count > 0) return new(StatusCodes.Status400BadRequest, Errors: errors);
        return await Race.RetriedAsync(db, () => TryJoinAsync(groupId, request, contact, once, ct));
    }

    private async Task<JoinResult> TryJoinAsync(Guid groupId, JoinRequest request, string? contact, string? once, CancellationToken ct)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == groupId && g.Active, ct);
        if (group is null) return new(StatusCodes.Status404NotFound, Message: "There is no such group taking people now.");
        var now = calendar.UtcNow;
        if (!Schedule.Sessions(group, await ChangesAsync(groupId, ct), calendar.ZoneId).Any(s => !s.Cancelled && s.StartLocal > calendar.ToLocal(now)))
            return new(StatusCodes.Status409Conflict, Message: "This group has no more sessions.");

        GroupMember? member = null;
        string? newCode = null;
        if (request.Code is { Length: > 0 } typed)
        {
            member = await MemberAsync(typed, ct);
            if (member is null) return JoinResult.Invalid("code", "That code is not one we know. Check it, or leave it empty to get a new one.");
        }
        if (member is null)
        {
            newCode = once is null ? PrivateCode.Generate() : codes.CodeFor(once);
            var hash = codes.Hash(newCode);
            // The token's member exists: the form was sent before and its key forgotten since (ADR 26 keeps keys a day).
            if (once is not null && await db.GroupMembers.AnyAsync(m => m.CodeHash == hash, ct)) return JoinResult.AlreadySent;
            member = new GroupMember
            {
                Id = Guid.CreateVersion7(now), Name = request.Name!.Trim(), ContactRoute = request.ContactRoute!, Contact = contact,
                NeutralTitles = request.NeutralTitles, CodeHash = hash, FeedHash = codes.Hash(codes.FeedToken(newCode, 0)), CreatedAt = now,
            };
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (newCode is not null) db.GroupMembers.Add(member);
        var enrolment = await db.GroupEnrolments.SingleOrDefaultAsync(e => e.GroupId == groupId && e.MemberId == member.Id, ct);
        if (enrolment is { Status: not EnrolmentStatus.Left })
            return new(StatusCodes.Status409Conflict, Message: enrolment.Status == EnrolmentStatus.Enrolled ? "You are already in this group." : "You are already on this group's waiting list.");
        var enrolled = await db.GroupEnrolments.CountAsync(e => e.GroupId == groupId && e.Status == EnrolmentStatus.Enrolled, ct);
        var standing = Places.OnJoin(enrolled, group.Capacity);
        if (enrolment is null)
        {
            enrolment = new Enrolment { Id = Guid.CreateVersion7(now), GroupId = groupId, MemberId = member.Id, Status = standing };
            db.GroupEnrolments.Add(enrolment);
        }
        enrolment.Status = standing;
        enrolment.JoinedAt = now;
        enrolment.LeftAt = null;
        enrolment.NeedsChildcare = request.NeedsChildcare;
        enrolment.NeedsTransport = request.NeedsTransport;
        enrolment.InterpreterLanguage = string.IsNullOrWhiteSpace(request.InterpreterLanguage) ? null : request.InterpreterLanguage.Trim().ToLowerInvariant();
        enrolment.Revision++;
        group.Revision++; // the guard: a concurrent join or leave of this group fails and counts again
        if (group.ServiceId is { } service && standing == EnrolmentStatus.Enrolled)
            await directory.UpdatePlacesAsync(service, Math.Max(0, group.Capacity - enrolled - 1), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(StatusCodes.Status201Created, standing, newCode is null ? null : PrivateCode.Grouped(newCode));
    }

    /// <summary>Leaves a group (or its waiting list); a freed place goes to the longest waiting, who is told.</summary>
    public async Task<int> LeaveAsync(string code, Guid enrolmentId, CancellationToken ct)
    {
        return await Race.RetriedAsync(db, () => TryLeaveAsync(code, enrolmentId, ct));
    }

    private async Task<int> TryLeaveAsync(string code, Guid enrolmentId, CancellationToken ct)
    {
        var member = await MemberAsync(code, ct);
        if (member is null) return StatusCodes.Status404NotFound;
        var enrolment = await db.GroupEnrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.MemberId == member.Id, ct);
        if (enrolment is null) return StatusCodes.Status404NotFound;
        if (enrolment.Status == EnrolmentStatus.Left) return StatusCodes.Status204NoContent;
        var group = await db.Groups.SingleAsync(g => g.Id == enrolment.GroupId, ct);
        var now = calendar.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        enrolment.Status = EnrolmentStatus.Left;
        enrolment.LeftAt = now;
        enrolment.Revision++;
        group.Revision++;
        var others = await db.GroupEnrolments.Where(e => e.GroupId == group.Id && e.Id != enrolment.Id && e.Status != EnrolmentStatus.Left).ToListAsync(ct);
        var promoted = Places.ToPromote(others, group.Capacity);
        foreach (var e in promoted) { e.Status = EnrolmentStatus.Enrolled; e.PromotedAt = now; e.Revision++; }
        await notices.PromotedAsync(group, promoted, now, ct);
        await buddies.EndAsync(group, enrolment.Id, now, ct); // their buddy is told
        if (group.ServiceId is { } service)
            await directory.UpdatePlacesAsync(service, Math.Max(0, group.Capacity - others.Count(e => e.Status == EnrolmentStatus.Enrolled)), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return StatusCodes.Status204NoContent;
    }

    /// <summary>The person's groups, newest first, with the address of their calendar feed; null for a code we do not know.</summary>
    public async Task<MyGroups?> MineAsync(string code, CancellationToken ct)
    {
        var normalized = PrivateCode.Normalize(code);
        var member = await MemberAsync(code, ct);
        if (member is null || normalized is null) return null;
        var enrolments = await db.GroupEnrolments.AsNoTracking().Where(e => e.MemberId == member.Id && e.Status != EnrolmentStatus.Left)
            .OrderByDescending(e => e.JoinedAt).ToListAsync(ct);
        var groupIds = enrolments.Select(e => e.GroupId).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        var changes = (await db.GroupSessionChanges.AsNoTracking().Where(c => groupIds.Contains(c.GroupId)).ToListAsync(ct)).ToLookup(c => c.GroupId);
        var nowLocal = calendar.ToLocal(calendar.UtcNow);
        var buddiesOf = await buddies.OfMemberAsync(member.Id, ct);
        var result = new List<MyGroup>();
        foreach (var e in enrolments)
        {
            var g = groups[e.GroupId];
            var next = Schedule.Sessions(g, changes[g.Id], calendar.ZoneId).FirstOrDefault(s => !s.Cancelled && s.StartLocal > nowLocal);
            var place = g.LocationId is { } location ? await directory.PlaceAsync(location, ct) : null;
            int? before = e.Status == EnrolmentStatus.Waitlisted
                ? await db.GroupEnrolments.CountAsync(o => o.GroupId == g.Id && o.Status == EnrolmentStatus.Waitlisted && (o.JoinedAt < e.JoinedAt || (o.JoinedAt == e.JoinedAt && o.Id < e.Id)), ct)
                : null;
            result.Add(new MyGroup(e.Id, g.Id, GroupTitles.For(g, member.NeutralTitles, next?.StartLocal ?? g.FirstStartLocal), e.Status,
                next?.StartLocal, PlaceLine(place), e.Status == EnrolmentStatus.Enrolled ? g.VideoUrl : null, before, buddiesOf.GetValueOrDefault(e.Id)));
        }
        return new(member.Name, member.NeutralTitles, result, FeedPath(codes.FeedToken(normalized, member.FeedVersion)), member.ContactRoute);
    }

    /// <summary>A new address for the person's calendar feed; the old one stops at once. Null for a code we do not know.</summary>
    public async Task<string?> RenewFeedAsync(string code, CancellationToken ct)
    {
        var normalized = PrivateCode.Normalize(code);
        var member = await MemberAsync(code, ct);
        if (member is null || normalized is null) return null;
        member.FeedVersion++;
        var token = codes.FeedToken(normalized, member.FeedVersion);
        member.FeedHash = codes.Hash(token);
        await db.SaveChangesAsync(ct);
        return FeedPath(token);
    }

    /// <summary>How a place reads to a member: its name and address, or only that the organiser gives it (a confidential place).</summary>
    internal static string? PlaceLine(PlaceFact? place) => place switch
    {
        null => null,
        { Confidential: true } => "The organiser tells members where it meets.",
        { Address: { } address } => $"{place.Name}, {address}",
        _ => place.Name,
    };

    public static string FeedPath(string token) => $"/groups/feeds/{token}.ics";

    private Task<GroupMember?> MemberAsync(string typed, CancellationToken ct) => MemberAsync(db, codes, typed, ct);

    /// <summary>The member whose private code this is (tracked), or null.</summary>
    internal static async Task<GroupMember?> MemberAsync(KithDb db, GroupCode codes, string typed, CancellationToken ct)
    {
        if (PrivateCode.Normalize(typed) is not { } normalized) return null;
        var hash = codes.Hash(normalized);
        return await db.GroupMembers.SingleOrDefaultAsync(m => m.CodeHash == hash, ct);
    }

    private Task<List<GroupSessionChange>> ChangesAsync(Guid groupId, CancellationToken ct) =>
        db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == groupId).ToListAsync(ct);
}
