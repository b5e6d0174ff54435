using System.Security.Claims;
using Kith.Concerns.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Concerns.RoutingRules;

/// <summary>
/// <c>/api/concerns/admin/rules</c>: the routing rules in order, changing them, and trying a concern against them
/// (administrators; the group carries the policy).
/// </summary>
internal static class RoutingRulesApi
{
    public static RouteGroupBuilder MapRoutingRulesApi(this RouteGroupBuilder admin)
    {
        var rules = admin.MapGroup("/rules");
        rules.MapGet("/", async (RuleReader reader, CancellationToken ct) => TypedResults.Ok(await reader.ReadAsync(ct)))
            .WithName("ListConcernRoutingRules").WithSummary("The rules in the order they are tried, each in words, and whether there is a catch-all.");
        rules.MapGet("/{id:guid}", Get).WithName("GetConcernRoutingRule").WithSummary("One rule.");
        rules.MapPost("/", Create).WithName("CreateConcernRoutingRule")
            .WithSummary("Adds a rule (placed just before the catch-all, or last). Empty conditions match anything.");
        rules.MapPut("/{id:guid}", Update).WithName("UpdateConcernRoutingRule").WithSummary("Changes a rule's conditions or team.");
        rules.MapDelete("/{id:guid}", Delete).WithName("DeleteConcernRoutingRule").WithSummary("Deletes a rule.");
        rules.MapPost("/{id:guid}/move", Move).WithName("MoveConcernRoutingRule").WithSummary("Moves a rule one place up or down.");
        rules.MapPost("/test", Test).WithName("TestConcernRouting")
            .WithSummary("Which rule and team would take a concern with these answers, and who would be paged first now. Saves nothing.");
        return admin;
    }

    private static async Task<Results<Ok<RuleView>, NotFound>> Get(Guid id, RuleReader reader, CancellationToken ct) =>
        (await reader.ReadAsync(ct)).Rules.SingleOrDefault(r => r.Id == id) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound();

    private static Task<Results<Created<RuleView>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        RuleRequest request, RuleEditor editor, RuleReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.CreateAsync(request, user.Actor(), ct).AnswerAsync(async r =>
            TypedResults.Created($"/api/concerns/admin/rules/{r.Id}", (await reader.ReadAsync(ct)).Rules.Single(v => v.Id.ToString() == r.Id)));

    private static Task<Results<Ok<RuleView>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, RuleRequest request, RuleEditor editor, RuleReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.UpdateAsync(id, request, user.Actor(), ct).AnswerAsync(async _ =>
            TypedResults.Ok((await reader.ReadAsync(ct)).Rules.Single(v => v.Id == id)));

    private static Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> Delete(
        Guid id, RuleEditor editor, ClaimsPrincipal user, CancellationToken ct) =>
        editor.DeleteAsync(id, user.Actor(), ct).NoContentAsync();

    private static Task<Results<Ok<RuleBook>, ValidationProblem, NotFound, ProblemHttpResult>> Move(
        Guid id, MoveRequest request, RuleEditor editor, RuleReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        editor.MoveAsync(id, request.Direction, user.Actor(), ct).AnswerAsync(async _ => TypedResults.Ok(await reader.ReadAsync(ct)));

    private static async Task<Results<Ok<RouteTestResult>, ValidationProblem>> Test(RouteTestRequest request, RouteTrial trial, CancellationToken ct)
    {
        var (check, result) = await trial.RunAsync(request, ct);
        return result is null ? TypedResults.ValidationProblem(check.Errors) : TypedResults.Ok(result);
    }
}
