using Kith.Groups.Domain;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Calendar;

/// <summary>
/// Calendar feeds, read by calendar apps without signing in: a group's own (its public page links it), and a person's
/// (every group they are in, behind the secret in its address, with neutral titles if they asked). An unknown or
/// replaced address is a 404 like any other, so a retired feed tells nothing.
/// </summary>
internal static class CalendarEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapGroupCalendars(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/groups").AllowAnonymous().WithTags("Groups").RequireRateLimiting(GroupsModule.CodeRateLimit);
        feeds.MapGet("/{id:guid}/calendar.ics", GroupFeedAsync).WithName("GroupCalendar")
            .WithSummary("The group's sessions as an iCalendar feed (RFC 5545).");
        feeds.MapGet("/feeds/{token}.ics", PersonFeedAsync).WithName("MemberCalendar").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GroupFeedAsync(Guid id, KithDb db, IDirectoryListings directory, DeploymentCalendar calendar, HttpContext http, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id && g.Active, ct);
        if (group is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        var entries = await EntriesAsync(db, directory, [group], false, ct);
        return Calendar(GroupCalendar.Build(entries, calendar.ZoneId, calendar.UtcNow, Origin(http)), $"group-{id}.ics", http);
    }

    private static async Task<IResult> PersonFeedAsync(string token, KithDb db, GroupCode codes, IDirectoryListings directory, DeploymentCalendar calendar, HttpContext http, CancellationToken ct)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower)) return NotFound();
        var hash = codes.Hash(token);
        var member = await db.GroupMembers.AsNoTracking().SingleOrDefaultAsync(m => m.FeedHash == hash, ct);
        if (member is null) return NotFound();
        var groupIds = await db.GroupEnrolments.AsNoTracking().Where(e => e.MemberId == member.Id && e.Status == EnrolmentStatus.Enrolled)
            .Select(e => e.GroupId).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id) && g.Active).ToListAsync(ct);
        var entries = await EntriesAsync(db, directory, groups, member.NeutralTitles, ct);
        return Calendar(GroupCalendar.Build(entries, calendar.ZoneId, calendar.UtcNow, Origin(http)), "my-groups.ics", http);
    }

    private static async Task<List<CalendarEntry>> EntriesAsync(KithDb db, IDirectoryListings directory, IReadOnlyList<Group> groups, bool neutral, CancellationToken ct)
    {
        var ids = groups.Select(g => g.Id).ToList();
        var changes = (await db.GroupSessionChanges.AsNoTracking().Where(c => ids.Contains(c.GroupId)).ToListAsync(ct)).ToLookup(c => c.GroupId);
        var entries = new List<CalendarEntry>();
        foreach (var g in groups)
            entries.Add(new(g, [.. changes[g.Id]], g.LocationId is { } location ? await directory.PlaceAsync(location, ct) : null, neutral));
        return entries;
    }

    private static IResult Calendar(string body, string fileName, HttpContext http)
    {
        // A feed address is a secret: no caches in between, and no referrer if a description's link is followed.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["Content-Disposition"] = $"inline; filename=\"{fileName}\"";
        return TypedResults.Text(body, ContentType);
    }

    private static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    internal static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
