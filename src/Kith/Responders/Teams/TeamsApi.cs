using System.Security.Claims;
using Kith.Concerns.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Responders.Teams;

/// <summary>
/// <c>/api/concerns/admin/teams</c>: teams, members, the on-call rota and who is on call now (administrators;
/// the group carries the policy). Unknown ids answer 404, bad input 400, clashes 409, all as problem details.
/// </summary>
internal static class TeamsApi
{
    public static RouteGroupBuilder MapTeamsApi(this RouteGroupBuilder admin)
    {
        var teams = admin.MapGroup("/teams");
        teams.MapGet("/", async (TeamReader reader, CancellationToken ct) => TypedResults.Ok(await reader.ListAsync(ct)))
            .WithName("ListConcernTeams").WithSummary("Every team, with who is on call now and whether anybody can be paged.");
        teams.MapGet("/{id:guid}", Get).WithName("GetConcernTeam").WithSummary("One team: members, lead, backup, upcoming shifts.");
        teams.MapPost("/", Create).WithName("CreateConcernTeam").WithSummary("Adds a team (its lead, if any, joins it).");
        teams.MapPut("/{id:guid}", Update).WithName("UpdateConcernTeam").WithSummary("Changes a team; active false switches it off.");
        teams.MapPut("/{id:guid}/members/{userId}", SetMember).WithName("SetConcernTeamMember")
            .WithSummary("Adds a responder or administrator to the team, or changes their email/SMS alerts.");
        teams.MapDelete("/{id:guid}/members/{userId}", RemoveMember).WithName("RemoveConcernTeamMember")
            .WithSummary("Takes someone off the team and off its rota from now on (not the lead).");
        teams.MapGet("/{id:guid}/shifts", Shifts).WithName("ListConcernTeamShifts").WithSummary("Shifts running now or to come.");
        teams.MapPost("/{id:guid}/shifts", AddShift).WithName("AddConcernTeamShift")
            .WithSummary("Adds an on-call shift (local time of the deployment unless an offset is given; at most 31 days).");
        teams.MapDelete("/{id:guid}/shifts/{shiftId:guid}", RemoveShift).WithName("RemoveConcernTeamShift").WithSummary("Removes a shift.");
        teams.MapGet("/{id:guid}/on-call", OnCall).WithName("GetConcernTeamOnCall")
            .WithSummary("Who is on call now (empty: every member is paged).");
        admin.MapGet("/responders", async (Responders responders, CancellationToken ct) => TypedResults.Ok(await responders.ListAsync(ct)))
            .WithName("ListConcernResponders").WithSummary("Staff who can join a team: responders and administrators.");
        return admin;
    }

    private static async Task<Results<Ok<TeamDetails>, NotFound>> Get(Guid id, TeamReader reader, CancellationToken ct) =>
        await reader.FindAsync(id, ct) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();

    private static Task<Results<Created<TeamDetails>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        TeamRequest request, TeamEditor editor, TeamReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.CreateAsync(request, user.Actor(), ct).AnswerAsync(async r =>
            TypedResults.Created($"/api/concerns/admin/teams/{r.Id}", await reader.FindAsync(Guid.Parse(r.Id!), ct)));

    private static Task<Results<Ok<TeamDetails>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, TeamRequest request, TeamEditor editor, TeamReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.UpdateAsync(id, request, user.Actor(), ct).AnswerAsync(async _ => TypedResults.Ok(await reader.FindAsync(id, ct)));

    private static Task<Results<Ok<TeamDetails>, ValidationProblem, NotFound, ProblemHttpResult>> SetMember(
        Guid id, string userId, MemberRequest request, TeamEditor editor, TeamReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.SetMemberAsync(id, userId, request, user.Actor(), ct).AnswerAsync(async _ => TypedResults.Ok(await reader.FindAsync(id, ct)));

    private static Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> RemoveMember(
        Guid id, string userId, TeamEditor editor, ClaimsPrincipal user, CancellationToken ct) =>
        editor.RemoveMemberAsync(id, userId, user.Actor(), ct).NoContentAsync();

    private static async Task<Results<Ok<IReadOnlyList<ShiftView>>, NotFound>> Shifts(Guid id, TeamReader reader, CancellationToken ct) =>
        await reader.FindAsync(id, ct) is { } team ? TypedResults.Ok(team.UpcomingShifts) : TypedResults.NotFound();

    private static Task<Results<Created<ShiftView>, ValidationProblem, NotFound, ProblemHttpResult>> AddShift(
        Guid id, ShiftRequest request, TeamEditor editor, TeamReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.AddShiftAsync(id, request, user.Actor(), ct).AnswerAsync(async r =>
            TypedResults.Created($"/api/concerns/admin/teams/{id}/shifts/{r.Id}", await reader.ShiftAsync(id, Guid.Parse(r.Id!), ct)));

    private static Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> RemoveShift(
        Guid id, Guid shiftId, TeamEditor editor, ClaimsPrincipal user, CancellationToken ct) =>
        editor.RemoveShiftAsync(id, shiftId, user.Actor(), ct).NoContentAsync();

    private static async Task<Results<Ok<IReadOnlyList<Person>>, NotFound>> OnCall(Guid id, TeamReader reader, CancellationToken ct) =>
        await reader.FindAsync(id, ct) is { } team ? TypedResults.Ok(team.OnCallNow) : TypedResults.NotFound();

    private static string? Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
