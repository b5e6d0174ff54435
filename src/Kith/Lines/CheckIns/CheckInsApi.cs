using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Lines.CheckIns;

internal sealed record CaringOfferRequest(string? SenderName);

/// <summary>
/// Check-ins and caring contacts over HTTP (responders and administrators; ADR 38). Problem details for everything
/// refused, naming the field at fault; numbers are never shown back.
/// </summary>
internal static class CheckInsApi
{
    public static RouteGroupBuilder MapCheckInsApi(this RouteGroupBuilder lines)
    {
        lines.MapPost("/check-ins", EnrolAsync).WithName("EnrolCheckIns")
            .WithSummary("Enrols a member (consent recorded): a text asks them to confirm with YES before any check-in is sent.");
        lines.MapGet("/check-ins", async (Enrolments enrolments, CancellationToken ct) => TypedResults.Ok(await enrolments.ListAsync(ct)))
            .WithName("ListCheckIns").WithSummary("Every check-in and caring contact schedule, with status, last score and next due time (no numbers).");
        lines.MapPost("/check-ins/{id:guid}/{change:regex(^(pause|resume|stop)$)}", ChangeAsync).WithName("ChangeCheckIns")
            .WithSummary("Pauses, resumes or stops a schedule (stop erases the number).");
        lines.MapPost("/conversations/{id:guid}/caring-contacts", OfferAsync).WithName("OfferCaringContacts")
            .WithSummary("Offers caring contacts to the texter: they start when the texter replies YES, signed with the name they chose.");
        return lines;
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> EnrolAsync(
        EnrolRequest request, Enrolments enrolments, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await enrolments.EnrolAsync(request, user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct), "/api/lines/check-ins");

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> OfferAsync(
        Guid id, CaringOfferRequest request, Enrolments enrolments, Console.ConversationReader reader, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await reader.MayOpenAsync(user, id, ct)) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        return Answer(await enrolments.OfferCaringAsync(id, request.SenderName, user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct), "/api/lines/check-ins");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        Guid id, string change, Enrolments enrolments, ClaimsPrincipal user, CancellationToken ct) =>
        await enrolments.ChangeAsync(id, change, user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) switch
        {
            EnrolOutcome.Done => TypedResults.NoContent(),
            EnrolOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The schedule cannot {change} from where it is"),
        };

    private static Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult> Answer(
        (EnrolOutcome Outcome, Guid? Id, Dictionary<string, string[]> Errors) result, string at) => result.Outcome switch
        {
            EnrolOutcome.Done => TypedResults.Created($"{at}/{result.Id}", new CreatedId(result.Id!.Value)),
            EnrolOutcome.Invalid => TypedResults.ValidationProblem(result.Errors),
            EnrolOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: result.Errors.SelectMany(e => e.Value).FirstOrDefault(),
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors }),
        };
}

internal sealed record CreatedId(Guid Id);
