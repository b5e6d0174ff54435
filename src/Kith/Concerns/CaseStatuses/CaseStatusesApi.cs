using System.Security.Claims;
using Kith.Concerns.Contracts;
using Kith.Concerns.RoutingRules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Concerns.CaseStatuses;

/// <summary>
/// <c>/api/concerns/admin/statuses</c> and <c>/transitions</c>: the deployment's status table (administrators; the
/// group carries the policy). Changes that would break the table answer 400; deleting a status in use, or the
/// last "closed" one, answers 409.
/// </summary>
internal static class CaseStatusesApi
{
    public static RouteGroupBuilder MapCaseStatusesApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/statuses", async (StatusTableReader reader, CancellationToken ct) => TypedResults.Ok(await reader.ReadAsync(ct)))
            .WithName("GetConcernStatusTable").WithSummary("The statuses in order, the allowed moves, and statuses no concern can reach.");
        admin.MapPost("/statuses", AddStatus).WithName("AddConcernStatus").WithSummary("Adds a status at the end.");
        admin.MapPut("/statuses/{code}", UpdateStatus).WithName("UpdateConcernStatus")
            .WithSummary("Renames a status or changes its kind; its code only while no concern has ever been in it.");
        admin.MapDelete("/statuses/{code}", DeleteStatus).WithName("DeleteConcernStatus")
            .WithSummary("Deletes a status no concern is in (409 otherwise, and for the last closed status).");
        admin.MapPost("/statuses/{code}/move", MoveStatus).WithName("MoveConcernStatus").WithSummary("Moves a status one place up or down.");
        admin.MapPost("/transitions", AddTransition).WithName("AddConcernStatusTransition").WithSummary("Allows a move between two statuses.");
        admin.MapPut("/transitions/{from}/{to}", SetAutomatic).WithName("UpdateConcernStatusTransition")
            .WithSummary("Sets after how many days the move happens by itself (null: only by people).");
        admin.MapDelete("/transitions/{from}/{to}", DeleteTransition).WithName("DeleteConcernStatusTransition").WithSummary("Forbids a move.");
        return admin;
    }

    private static Task<Results<Created<StatusTableView>, ValidationProblem, NotFound, ProblemHttpResult>> AddStatus(
        StatusRequest request, StatusTableEditor editor, StatusTableReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.AddStatusAsync(request, user.Actor(), ct).AnswerAsync(async r =>
            TypedResults.Created($"/api/concerns/admin/statuses/{r.Id}", await reader.ReadAsync(ct)));

    private static Task<Results<Ok<StatusTableView>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateStatus(
        string code, StatusRequest request, StatusTableEditor editor, StatusTableReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.UpdateStatusAsync(code, request, user.Actor(), ct).AnswerAsync(async _ => TypedResults.Ok(await reader.ReadAsync(ct)));

    private static Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> DeleteStatus(
        string code, StatusTableEditor editor, ClaimsPrincipal user, CancellationToken ct) =>
        editor.DeleteStatusAsync(code, user.Actor(), ct).NoContentAsync();

    private static Task<Results<Ok<StatusTableView>, ValidationProblem, NotFound, ProblemHttpResult>> MoveStatus(
        string code, MoveRequest request, StatusTableEditor editor, StatusTableReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.MoveStatusAsync(code, request.Direction, user.Actor(), ct).AnswerAsync(async _ => TypedResults.Ok(await reader.ReadAsync(ct)));

    private static Task<Results<Created<StatusTableView>, ValidationProblem, NotFound, ProblemHttpResult>> AddTransition(
        TransitionRequest request, StatusTableEditor editor, StatusTableReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.AddTransitionAsync(request, user.Actor(), ct).AnswerAsync(async _ =>
            TypedResults.Created($"/api/concerns/admin/transitions/{request.From}/{request.To}", await reader.ReadAsync(ct)));

    private static Task<Results<Ok<StatusTableView>, ValidationProblem, NotFound, ProblemHttpResult>> SetAutomatic(
        string from, string to, AutomaticRequest request, StatusTableEditor editor, StatusTableReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.SetAutomaticAsync(from, to, request.AutomaticAfterDays, user.Actor(), ct).AnswerAsync(async _ => TypedResults.Ok(await reader.ReadAsync(ct)));

    private static Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> DeleteTransition(
        string from, string to, StatusTableEditor editor, ClaimsPrincipal user, CancellationToken ct) =>
        editor.DeleteTransitionAsync(from, to, user.Actor(), ct).NoContentAsync();
}
