using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Concerns.CaseWork;

/// <summary>The answer to an action: the concern's revision and status after it (send the revision with the next change).</summary>
internal sealed record CaseActionResponse(Guid Id, int Revision, string Status);

/// <summary>
/// <c>/api/concerns/{id}</c>: a responder's case work as JSON, for the team's own tools. Same service, rules and
/// audit as the case page. Anyone but the routed team and administrators gets 404, so ids are not confirmed.
/// JSON with the staff cookie needs no antiforgery token: a cross-site page cannot send it without a CORS
/// preflight, which Kith never grants.
/// </summary>
internal static class CaseApi
{
    public static IEndpointRouteBuilder MapCaseApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/concerns/{id:guid}").RequireAuthorization(StaffPolicies.Responder).WithTags("Concerns");
        group.MapGet("/", ReadAsync).WithName("ReadConcern")
            .WithSummary("One concern with its timeline, for its team or an administrator. Every read is audited.");
        Action(group, "/acknowledge", "AcknowledgeConcern", "Acknowledge: someone has it (stops escalation).",
            (CaseActions a, ClaimsPrincipal u, Guid id, AcknowledgeRequest r, CancellationToken ct) => a.AcknowledgeAsync(u, id, r, ct));
        Action(group, "/assign", "AssignConcern", "Assign to a team member, to \"me\", or to \"nobody\".",
            (CaseActions a, ClaimsPrincipal u, Guid id, AssignRequest r, CancellationToken ct) => a.AssignAsync(u, id, r, ct));
        Action(group, "/hand-off", "HandOffConcern", "Hand to another active team, with a reason; the new team is paged and must acknowledge.",
            (CaseActions a, ClaimsPrincipal u, Guid id, HandOffRequest r, CancellationToken ct) => a.HandOffAsync(u, id, r, ct));
        Action(group, "/notes", "AddConcernNote", "Add an internal note (never shown to the reporter).",
            (CaseActions a, ClaimsPrincipal u, Guid id, TextRequest r, CancellationToken ct) => a.AddNoteAsync(u, id, r, ct));
        Action(group, "/messages", "ReplyToReporter", "Reply to the reporter (they read it with their receipt).",
            (CaseActions a, ClaimsPrincipal u, Guid id, TextRequest r, CancellationToken ct) => a.ReplyAsync(u, id, r, ct));
        Action(group, "/questions", "AskReporter", "Ask the reporter a question; the concern waits for the answer if the status table allows.",
            (CaseActions a, ClaimsPrincipal u, Guid id, TextRequest r, CancellationToken ct) => a.AskAsync(u, id, r, ct));
        Action(group, "/interventions", "RecordIntervention", "Record what was done for the person (type, date, by the caller).",
            (CaseActions a, ClaimsPrincipal u, Guid id, InterventionRequest r, CancellationToken ct) => a.RecordInterventionAsync(u, id, r, ct));
        Action(group, "/status", "ChangeConcernStatus", "Move to an allowed next status with a reason; closing needs an outcome.",
            (CaseActions a, ClaimsPrincipal u, Guid id, StatusRequest r, CancellationToken ct) => a.ChangeStatusAsync(u, id, r, ct));
        Action(group, "/reopen", "ReopenConcern", "Reopen a closed concern, with a reason.",
            (CaseActions a, ClaimsPrincipal u, Guid id, ReopenRequest r, CancellationToken ct) => a.ReopenAsync(u, id, r, ct));
        Action(group, "/flag", "FlagConcern", "Flag the report as false or abusive (\"none\" clears it).",
            (CaseActions a, ClaimsPrincipal u, Guid id, FlagRequest r, CancellationToken ct) => a.FlagAsync(u, id, r, ct));
        return app;
    }

    private static void Action<TRequest>(RouteGroupBuilder group, string path, string name, string summary,
        Func<CaseActions, ClaimsPrincipal, Guid, TRequest, CancellationToken, Task<CaseResult>> act)
    {
        // One generic endpoint for every case action: the compile-time generator skips generic endpoints (RDG011), so
        // these few are built at start-up as before.
#pragma warning disable RDG011
        group.MapPost(path, async Task<Results<Ok<CaseActionResponse>, ValidationProblem, ProblemHttpResult>> (
                Guid id, TRequest? request, CaseActions actions, ClaimsPrincipal user, CancellationToken ct) =>
                // A generic parameter's nullability is unknown to the binder, so an empty or "null" body arrives as null.
                request is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A JSON body is required")
                    : Respond(id, await act(actions, user, id, request, ct)))
            .WithName(name).WithSummary(summary);
#pragma warning restore RDG011
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> ReadAsync(Guid id, CaseReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        await reader.ReadAsync(user, id, "api", ct) is { } view ? TypedResults.Ok(view) : NotFound();

    internal static Results<Ok<CaseActionResponse>, ValidationProblem, ProblemHttpResult> Respond(Guid id, CaseResult result) => result.Outcome switch
    {
        CaseOutcome.Done => TypedResults.Ok(new CaseActionResponse(id, result.Revision, result.Status!)),
        CaseOutcome.Invalid => TypedResults.ValidationProblem(result.Errors!, title: "The change could not be made"),
        CaseOutcome.Refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: result.FirstMessage,
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors }),
        CaseOutcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: CaseResult.ConflictMessage,
            detail: "Reload the concern and try again."),
        _ => NotFound(),
    };

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No concern with that id is open to you.");
}
