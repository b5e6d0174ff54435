using System.Globalization;
using System.Security.Claims;

namespace Kith.Groups.Manage;

internal sealed record SessionChangeRequest(string? Start, string? MoveTo);

internal sealed record AttendanceRequest(string? Start, IReadOnlyList<Guid>? Present);

/// <summary>Groups over HTTP for coordinators and administrators: problem details naming the field for everything refused.</summary>
internal static class GroupsApi
{
    public static RouteGroupBuilder MapGroupsApi(this RouteGroupBuilder groups)
    {
        groups.MapGet("/", async (Roster roster, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await roster.ListAsync(user, ct)))
            .WithName("ListGroups").WithSummary("Your organisations' groups with places taken and waiting.");
        groups.MapPost("/", (GroupRequest request, GroupEditor editor, ClaimsPrincipal user, HttpContext http, CancellationToken ct) => SaveAsync(null, request, editor, user, http, ct))
            .WithName("CreateGroup").WithSummary("Creates a group and publishes it in the directory.").ProducesValidationProblem();
        groups.MapPut("/{id:guid}", (Guid id, GroupRequest request, GroupEditor editor, ClaimsPrincipal user, HttpContext http, CancellationToken ct) => SaveAsync(id, request, editor, user, http, ct))
            .WithName("UpdateGroup").WithSummary("Changes a group (SEQUENCE bumped; more places move people up from the waiting list).").ProducesValidationProblem();
        groups.MapGet("/{id:guid}", async (Guid id, Roster roster, ClaimsPrincipal user, CancellationToken ct) =>
                await roster.ReadAsync(id, user, ct) is { } details ? (IResult)TypedResults.Ok(details) : TypedResults.Problem(statusCode: 404, title: "Not found"))
            .WithName("ReadGroup").WithSummary("A group with its sessions, who is in and waiting, and what they need to come (audited).");
        groups.MapPost("/{id:guid}/sessions/cancel", (Guid id, SessionChangeRequest request, GroupEditor editor, ClaimsPrincipal user, CancellationToken ct) => ChangeAsync(id, request, true, editor, user, ct))
            .WithName("CancelGroupSession").WithSummary("Cancels one session (EXDATE in every feed).").ProducesValidationProblem();
        groups.MapPost("/{id:guid}/sessions/move", (Guid id, SessionChangeRequest request, GroupEditor editor, ClaimsPrincipal user, CancellationToken ct) => ChangeAsync(id, request, false, editor, user, ct))
            .WithName("MoveGroupSession").WithSummary("Moves one session to another start (RECURRENCE-ID in every feed).").ProducesValidationProblem();
        groups.MapPost("/{id:guid}/sessions/attendance", MarkAsync).WithName("MarkAttendance")
            .WithSummary("Marks who came to a session that has begun (everyone else with a place did not).").ProducesValidationProblem();
        return groups;
    }

    private static async Task<IResult> MarkAsync(Guid id, AttendanceRequest request, GroupEditor editor, ClaimsPrincipal user, CancellationToken ct) =>
        TryLocal(request.Start, out var start)
            ? Result(await editor.MarkAttendanceAsync(id, start, request.Present ?? [], user, ct))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["start"] = ["Give the session's start as the list shows it, like 2027-03-09T18:00."] });

    private static async Task<IResult> SaveAsync(Guid? id, GroupRequest request, GroupEditor editor, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        Result(await editor.SaveAsync(id, request, user, Calendar.CalendarEndpoints.Origin(http), ct));

    private static async Task<IResult> ChangeAsync(Guid id, SessionChangeRequest request, bool cancel, GroupEditor editor, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!TryLocal(request.Start, out var start)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["start"] = ["Give the session's start as the list shows it, like 2027-03-09T18:00."] });
        DateTime? moveTo = null;
        if (!cancel)
        {
            if (!TryLocal(request.MoveTo, out var to)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["moveTo"] = ["Give the new start, like 2027-03-10T18:00."] });
            moveTo = to;
        }
        return Result(await editor.ChangeSessionAsync(id, start, cancel, moveTo, user, ct));
    }

    private static IResult Result(GroupResult result) => result.Status switch
    {
        StatusCodes.Status201Created => TypedResults.Created($"/api/groups/{result.Id}", new { id = result.Id }),
        StatusCodes.Status200OK => TypedResults.Ok(new { id = result.Id }),
        StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(result.Errors!),
        var status => TypedResults.Problem(statusCode: status, title: status == 404 ? "Not found" : "Conflict", detail: result.Message),
    };

    internal static bool TryLocal(string? value, out DateTime local) =>
        DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
}
