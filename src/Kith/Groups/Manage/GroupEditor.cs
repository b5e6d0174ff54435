using System.Security.Claims;
using Kith.Groups.Domain;
using Kith.Groups.Notices;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Contracts;
using Kith.Volunteers.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Manage;

/// <summary>What a change to a group came to: its status (201, 200, 400, 403, 404, 409), the group, or the problems by field.</summary>
internal sealed record GroupResult(int Status, Guid? Id = null, Dictionary<string, string[]>? Errors = null, string? Message = null)
{
    public static GroupResult Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, Errors: new() { [field] = [message] });
    public static readonly GroupResult NotFound = new(StatusCodes.Status404NotFound, Message: "There is no such group you may change.");
}

/// <summary>
/// Coordinators (and administrators) create and change their organisation's groups. Each save publishes the group as a
/// directory service in the same transaction, bumps the calendar SEQUENCE, and — when places grow — moves people up
/// from the waiting list with a notice each. Cancelled and moved sessions are kept per session (its original start).
/// A leader whose required training has lapsed by the next session cannot be scheduled: the save is refused, naming them.
/// </summary>
internal sealed class GroupEditor(KithDb db, IDirectoryListings directory, GroupNotices notices, DeploymentCalendar calendar, AuditLog audit, ILeaderFacts leaderFacts)
{
    public async Task<GroupResult> SaveAsync(Guid? id, GroupRequest request, ClaimsPrincipal user, string publicOrigin, CancellationToken ct)
    {
        var errors = GroupRules.Check(request, out var firstStart);
        if (errors.Count > 0) return new(StatusCodes.Status400BadRequest, Errors: errors);
        var group = id is null ? null : await db.Groups.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (id is not null && (group is null || !MayChange(user, group.OrganisationId))) return GroupResult.NotFound;

        Guid organisation;
        if (group is not null) organisation = group.OrganisationId;
        else if (request.OrganisationId is { } chosen)
        {
            if (!MayChange(user, chosen)) return GroupResult.Invalid("organisationId", "You can run groups only for an organisation you belong to.");
            organisation = chosen;
        }
        else if (user.Organisations() is [var only]) organisation = only;
        else return GroupResult.Invalid("organisationId", "Say which organisation runs the group.");

        PlaceFact? place = null;
        if (request.LocationId is { Length: > 0 } locationId && (place = await directory.PlaceAsync(locationId.Trim(), ct)) is null)
            return GroupResult.Invalid("locationId", "No place in the directory has this id.");

        var now = calendar.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (group is null)
        {
            group = new Group { Id = Guid.CreateVersion7(now), OrganisationId = organisation, Name = "", Kind = "", Description = "", Facilitators = "", CreatedAt = now };
            db.Groups.Add(group);
        }
        else group.Sequence++; // every change after the first is one a subscribed calendar must pick up
        group.Name = request.Name!.Trim();
        group.Kind = request.Kind!;
        group.Focus = Clean(request.Focus);
        group.Description = request.Description!.Trim();
        group.Facilitators = request.Facilitators!.Trim();
        group.Needs = string.Join(' ', (request.Needs is { Count: > 0 } needs ? needs : DefaultNeeds(request.Kind!)).Distinct());
        group.LocationId = place?.LocationId;
        group.VideoUrl = place is null ? request.VideoUrl!.Trim() : null;
        group.FirstStartLocal = firstStart;
        group.DurationMinutes = request.DurationMinutes!.Value;
        group.Rule = Clean(request.Rule);
        group.Capacity = request.Capacity!.Value;
        group.Language = request.Language ?? "en";
        group.Active = request.Active;
        group.RequiredTrainingId = request.RequiredTrainingId;
        group.UpdatedAt = now;
        group.Revision++;
        if (await ScheduleLeadersAsync(group, request.Leaders, ct) is { } refused) return refused;

        var enrolments = await db.GroupEnrolments.Where(e => e.GroupId == group.Id && e.Status != EnrolmentStatus.Left).ToListAsync(ct);
        var promoted = Places.ToPromote(enrolments, group.Capacity);
        foreach (var e in promoted) { e.Status = EnrolmentStatus.Enrolled; e.PromotedAt = now; e.Revision++; }
        var enrolled = enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled);
        group.ServiceId = await directory.PublishAsync(Listing(group, enrolled, publicOrigin, user), ct);
        await notices.PromotedAsync(group, promoted, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(StatusCodes.Status409Conflict, Message: "Someone changed the group at the same moment. Look at it again and retry.");
        }
        await audit.RecordAsync(id is null ? "groups.created" : "groups.updated", user.FindFirstValue(ClaimTypes.NameIdentifier), "group", group.Id.ToString(),
            new { promoted = promoted.Count }, ct);
        await transaction.CommitAsync(ct);
        return new(id is null ? StatusCodes.Status201Created : StatusCodes.Status200OK, group.Id);
    }

    /// <summary>Cancels one session, or moves it to another local start; <paramref name="originalStart"/> names it as the rule gives it.</summary>
    public async Task<GroupResult> ChangeSessionAsync(Guid id, DateTime originalStart, bool cancel, DateTime? moveTo, ClaimsPrincipal user, CancellationToken ct)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null || !MayChange(user, group.OrganisationId)) return GroupResult.NotFound;
        if (!Schedule.Starts(group, calendar.ZoneId).Contains(originalStart))
            return GroupResult.Invalid("originalStart", "No session of this group starts then: give a start from its list of sessions.");
        if (!cancel && moveTo is null) return GroupResult.Invalid("moveTo", "Cancel the session or give its new start.");
        var now = calendar.UtcNow;
        var change = await db.GroupSessionChanges.SingleOrDefaultAsync(c => c.GroupId == id && c.OriginalStartLocal == originalStart, ct);
        if (change is null) db.GroupSessionChanges.Add(change = new GroupSessionChange { Id = Guid.CreateVersion7(now), GroupId = id, OriginalStartLocal = originalStart });
        change.Cancelled = cancel;
        change.MovedToLocal = cancel ? null : moveTo;
        change.ChangedAt = now;
        group.Sequence++;
        group.UpdatedAt = now;
        group.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(StatusCodes.Status409Conflict, Message: "The group changed at the same moment. Look again and retry.");
        }
        await audit.RecordAsync(cancel ? "groups.session-cancelled" : "groups.session-moved", user.FindFirstValue(ClaimTypes.NameIdentifier), "group", id.ToString(),
            new { session = originalStart.ToString("yyyy-MM-ddTHH:mm") }, ct);
        return new(StatusCodes.Status200OK, id);
    }

    /// <summary>
    /// Marks who came to a session that has begun (the rest of those with a place did not); marking again replaces it.
    /// </summary>
    public async Task<GroupResult> MarkAttendanceAsync(Guid id, DateTime originalStart, IReadOnlyCollection<Guid> present, ClaimsPrincipal user, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null || !MayChange(user, group.OrganisationId)) return GroupResult.NotFound;
        var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == id).ToListAsync(ct);
        var session = Schedule.Sessions(group, changes, calendar.ZoneId).FirstOrDefault(s => s.OriginalStartLocal == originalStart);
        if (session is null || session.Cancelled) return GroupResult.Invalid("start", "No session of this group took place then: give a start from its list of sessions.");
        var now = calendar.UtcNow;
        if (session.StartLocal > calendar.ToLocal(now)) return GroupResult.Invalid("start", "This session has not begun yet: mark who came once it has.");
        var enrolled = await db.GroupEnrolments.AsNoTracking().Where(e => e.GroupId == id && e.Status == EnrolmentStatus.Enrolled).Select(e => e.Id).ToListAsync(ct);
        if (present.Any(p => !enrolled.Contains(p))) return GroupResult.Invalid("present", "Mark only people who have a place in the group.");
        var marked = await db.GroupAttendance.Where(a => enrolled.Contains(a.EnrolmentId) && a.SessionLocal == originalStart).ToDictionaryAsync(a => a.EnrolmentId, ct);
        foreach (var enrolment in enrolled)
        {
            if (!marked.TryGetValue(enrolment, out var row)) db.GroupAttendance.Add(row = new Attendance { EnrolmentId = enrolment, SessionLocal = originalStart });
            row.Present = present.Contains(enrolment);
            row.MarkedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("groups.attendance-marked", user.FindFirstValue(ClaimTypes.NameIdentifier), "group", id.ToString(),
            new { session = originalStart.ToString("yyyy-MM-ddTHH:mm"), present = present.Count, of = enrolled.Count }, ct);
        return new(StatusCodes.Status200OK, id);
    }

    /// <summary>
    /// Replaces the group's leaders (none given: keeps them), or refuses (400 on "leaders") anyone who may not lead its
    /// coming sessions — checked again on every save, since the requirement, the sessions or a certificate may have changed.
    /// </summary>
    private async Task<GroupResult?> ScheduleLeadersAsync(Group group, IReadOnlyList<Guid>? leaders, CancellationToken ct)
    {
        var current = await db.GroupLeaders.Where(l => l.GroupId == group.Id).ToListAsync(ct);
        var wanted = (leaders ?? current.Select(l => l.VolunteerId).ToList()).Distinct().ToList();
        var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == group.Id).ToListAsync(ct);
        var coming = Schedule.Sessions(group, changes, calendar.ZoneId).Where(s => !s.Cancelled && s.StartLocal > calendar.ToLocal(calendar.UtcNow)).ToList();
        if (coming.Count > 0)
        {
            var bounded = string.IsNullOrWhiteSpace(group.Rule) || group.Rule.Contains("COUNT=", StringComparison.OrdinalIgnoreCase) || group.Rule.Contains("UNTIL=", StringComparison.OrdinalIgnoreCase);
            var check = await leaderFacts.CheckAsync(group.OrganisationId, wanted, group.RequiredTrainingId,
                DateOnly.FromDateTime(coming[0].StartLocal), bounded ? DateOnly.FromDateTime(coming[^1].StartLocal) : null, ct);
            if (check.Problems.Count > 0) return new(StatusCodes.Status400BadRequest, Errors: new() { ["leaders"] = [.. check.Problems] });
        }
        db.GroupLeaders.RemoveRange(current.Where(l => !wanted.Contains(l.VolunteerId)));
        db.GroupLeaders.AddRange(wanted.Where(w => current.All(l => l.VolunteerId != w)).Select(w => new GroupLeader { GroupId = group.Id, VolunteerId = w }));
        return null;
    }

    internal static GroupListing Listing(Group g, int enrolled, string publicOrigin, ClaimsPrincipal by) => new(
        g.ServiceId, g.OrganisationId, g.Name, g.Description + (g.Focus is null ? "" : $" Focus: {g.Focus}."),
        g.Needs.Split(' ', StringSplitOptions.RemoveEmptyEntries), g.LocationId, g.VideoUrl is not null, g.Language, g.Rule,
        g.FirstStartLocal, g.DurationMinutes, Math.Max(0, g.Capacity - enrolled), g.Active, $"{publicOrigin.TrimEnd('/')}/groups/{g.Id}",
        by.FindFirstValue(StaffClaims.DisplayName) ?? "Group coordinator", by.FindFirstValue(ClaimTypes.Email) ?? by.Identity?.Name ?? "");

    private static IReadOnlyList<string> DefaultNeeds(string kind) => kind is "workshop" or "training" ? ["training"] : ["peer-support"];

    private static bool MayChange(ClaimsPrincipal user, Guid organisation) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Coordinator) && user.Organisations().Contains(organisation));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
