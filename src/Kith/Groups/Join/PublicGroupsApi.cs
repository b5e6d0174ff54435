using Kith.Groups.Domain;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.Platform.Web.Once;
using Microsoft.AspNetCore.Mvc;
using Kith.ServiceDirectory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Join;

internal sealed record PublicGroup(Guid Id, string Name, string Kind, string? Focus, string Description, string Facilitators, string? Place,
    bool Online, IReadOnlyList<string> NextSessions, int PlacesFree, bool Waitlist, string Calendar);

internal sealed record Joined(string Standing, string? Code);

internal sealed record CodeRequest(string? Code);

internal sealed record NewCalendar(string Calendar);

/// <summary>The code has no check of its own: a wrong one, or an enrolment not under it, gets the one 404.</summary>
internal sealed record LeaveRequest(
    string? Code,
    [property: System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Say which group to leave.")] string? EnrolmentId);

/// <summary>
/// Groups for anyone, without an account: a group's public details, joining it, and — with the private code — one's
/// own groups, leaving one, and a new calendar address. Codes are rate-limited per client like every code-bearing request.
/// </summary>
internal static class PublicGroupsApi
{
    public static IEndpointRouteBuilder MapPublicGroupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/groups").AllowAnonymous().DisableAntiforgery().WithTags("Groups")
            .RequireRateLimiting(GroupsModule.CodeRateLimit);
        api.MapGet("/{id:guid}", ReadAsync).WithName("ReadPublicGroup").WithSummary("A group's public details: when, where (never a confidential address), places free.");
        api.MapPost("/{id:guid}/join", JoinAsync).WithName("JoinGroup")
            .WithSummary("Joins with a first name or nickname; answers enrolled or waitlisted, and a private code the first time.")
            .Produces<Joined>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey($"Optional: a unique value per join, e.g. a UUID, {JoinKeyMin}–{IdempotencyKey.MaxLength} printable ASCII characters, "
                + "quoted or not. The same key with the same body within 30 minutes answers 201 with the first standing and the same "
                + "private code, and joins nothing new; later, 409; with another body 422; while the first request is still being "
                + "processed 409; a malformed key 400. The key makes the code: keep it as secret as the code.");
        api.MapPost("/mine", MineAsync).WithName("MyGroups").WithSummary("The groups of a private code, and its calendar address.")
            .Produces<MyGroups>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/mine/leave", LeaveAsync).WithName("LeaveGroup").WithSummary("Leaves a group or its waiting list; the next person waiting moves up.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/mine/new-calendar", RenewAsync).WithName("NewCalendarAddress").WithSummary("Replaces the calendar address; the old one stops working.")
            .Produces<NewCalendar>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<PublicGroup?> PublicAsync(Guid id, KithDb db, IDirectoryListings directory, DeploymentCalendar calendar, CancellationToken ct)
    {
        var g = await db.Groups.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Active, ct);
        if (g is null) return null;
        var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == id).ToListAsync(ct);
        var nowLocal = calendar.ToLocal(calendar.UtcNow);
        var next = Schedule.Sessions(g, changes, calendar.ZoneId).Where(s => !s.Cancelled && s.StartLocal > nowLocal).Take(5)
            .Select(s => s.StartLocal.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var enrolled = await db.GroupEnrolments.CountAsync(e => e.GroupId == id && e.Status == EnrolmentStatus.Enrolled, ct);
        var place = g.LocationId is { } location ? await directory.PlaceAsync(location, ct) : null;
        return new PublicGroup(g.Id, g.Name, g.Kind, g.Focus, g.Description, g.Facilitators, Joining.PlaceLine(place), g.VideoUrl is not null,
            next, Math.Max(0, g.Capacity - enrolled), true, $"/groups/{g.Id}/calendar.ics");
    }

    private static async Task<IResult> ReadAsync(Guid id, KithDb db, IDirectoryListings directory, DeploymentCalendar calendar, CancellationToken ct) =>
        await PublicAsync(id, db, directory, calendar, ct) is { } group ? TypedResults.Ok(group) : TypedResults.Problem(statusCode: 404, title: "Not found");

    /// <summary>A join's key makes the new member's code (<see cref="JoinOnce"/>): long enough that nobody guesses one.</summary>
    private const int JoinKeyMin = 16;

    private static async Task<IResult> JoinAsync(Guid id, JoinRequest request, JoinOnce joining, CancellationToken ct,
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey = null)
    {
        string? key = null;
        if (idempotencyKey is not null && (key = IdempotencyKey.Parse(idempotencyKey, JoinKeyMin)) is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKey.Header] = ["Use 16 to 255 printable ASCII characters, like a UUID."] },
                title: "The Idempotency-Key header is not valid");
        var result = await joining.JoinAsync(id, request, key, TimeSpan.Zero, ct);
        return result.Status switch
        {
            StatusCodes.Status201Created => TypedResults.Created($"/groups/{id}", new Joined(result.Standing!, result.NewCode)),
            StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(result.Errors!),
            var status => TypedResults.Problem(statusCode: status, title: status == 404 ? "Not found" : "Conflict",
                detail: result.Message ?? result.Errors?.Values.SelectMany(v => v).FirstOrDefault()),
        };
    }

    private static async Task<IResult> MineAsync(CodeRequest request, Joining joining, CancellationToken ct) =>
        request.Code is { } code && await joining.MineAsync(code, ct) is { } mine ? TypedResults.Ok(mine) : UnknownCode();

    private static async Task<IResult> LeaveAsync(LeaveRequest request, Joining joining, IServiceProvider services, CancellationToken ct)
    {
        if (Kith.Platform.Api.RequestRules.Check(request, services) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return request.Code is { } code && Guid.TryParse(request.EnrolmentId, out var enrolment)
            && await joining.LeaveAsync(code, enrolment, ct) == StatusCodes.Status204NoContent ? TypedResults.NoContent() : UnknownCode();
    }

    private static async Task<IResult> RenewAsync(CodeRequest request, Joining joining, CancellationToken ct) =>
        request.Code is { } code && await joining.RenewFeedAsync(code, ct) is { } path ? TypedResults.Ok(new NewCalendar(path)) : UnknownCode();

    /// <summary>A wrong code and an unknown group read alike: nothing tells a guesser which part was wrong.</summary>
    private static IResult UnknownCode() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
        detail: "No groups match this code. Check it and try again.");
}
