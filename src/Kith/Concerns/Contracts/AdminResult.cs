using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Concerns.Contracts;

public enum AdminOutcome { Saved, Invalid, NotFound, Conflict }

/// <summary>
/// What a change to the routing set-up (teams, rules, statuses) came to, for the API and the pages alike.
/// Error texts are English and the translation keys. Public: the pages' problem list takes it as a parameter.
/// </summary>
public sealed record AdminResult(AdminOutcome Outcome, IReadOnlyDictionary<string, string[]> Errors, string? Id = null)
{
    public static readonly AdminResult NotFound = new(AdminOutcome.NotFound, new Dictionary<string, string[]>());

    public bool Succeeded => Outcome == AdminOutcome.Saved;

    public static AdminResult Saved(string? id = null) => new(AdminOutcome.Saved, new Dictionary<string, string[]>(), id);

    public static AdminResult Invalid(Dictionary<string, string[]> errors) => new(AdminOutcome.Invalid, errors);

    /// <summary>The change clashes with the current state (a duplicate, a status still in use). Errors by field, as for <see cref="Invalid"/>.</summary>
    public static AdminResult Conflict(Dictionary<string, string[]> errors) => new(AdminOutcome.Conflict, errors);

    /// <summary>The page's status code for this result (the page renders the errors itself).</summary>
    public int PageStatus => Outcome switch
    {
        AdminOutcome.NotFound => StatusCodes.Status404NotFound,
        AdminOutcome.Conflict => StatusCodes.Status409Conflict,
        AdminOutcome.Invalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status200OK,
    };
}

internal static class AdminAnswers
{
    /// <summary>
    /// The API's answer to a change: <paramref name="ok"/> when it was saved, otherwise 400 (validation problem),
    /// 404, or 409 (problem details with the errors) — typed, so the OpenAPI document lists them all.
    /// </summary>
    public static async Task<Results<TOk, ValidationProblem, NotFound, ProblemHttpResult>> AnswerAsync<TOk>(
        this Task<AdminResult> change, Func<AdminResult, Task<TOk>> ok) where TOk : IResult
    {
        var result = await change;
        return result.Outcome switch
        {
            AdminOutcome.Saved => await ok(result),
            AdminOutcome.NotFound => TypedResults.NotFound(),
            AdminOutcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: result.Errors.SelectMany(e => e.Value).FirstOrDefault(),
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors }),
            _ => TypedResults.ValidationProblem(result.Errors),
        };
    }

    /// <summary>Who is making the change, for the audit log.</summary>
    public static string? Actor(this System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    public static Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> NoContentAsync(this Task<AdminResult> change) =>
        change.AnswerAsync(_ => Task.FromResult(TypedResults.NoContent()));
}
