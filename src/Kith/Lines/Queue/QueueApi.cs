using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Lines.Queue;

internal sealed record ReplyRequest(string? Text);
internal sealed record CloseRequest(string? Disposition, IReadOnlyList<string>? Referrals = null);
internal sealed record ReplyResponse(Guid Id, string? DeliveryStatus);

/// <summary>
/// The responders' queue over HTTP (responders and administrators): "help the next person", a reply, and the close
/// with a disposition. Problem details for everything refused, naming the field where a field is at fault.
/// </summary>
internal static class QueueApi
{
    public static RouteGroupBuilder MapQueueApi(this RouteGroupBuilder lines)
    {
        lines.MapPost("/queue/next", NextAsync).WithName("HelpTheNextPerson")
            .WithSummary("Takes the highest-tier, longest-waiting conversation on a line your teams staff (204 when nobody waits).");
        lines.MapPost("/conversations/{id:guid}/messages", ReplyAsync).WithName("ReplyInConversation")
            .WithSummary("Sends a text to the person (never to a number that opted out).");
        lines.MapPost("/conversations/{id:guid}/close", CloseAsync).WithName("CloseConversation")
            .WithSummary("Closes the conversation with a disposition, sending the texter up to 3 directory services (referrals) as one text.");
        return lines;
    }

    private static async Task<Results<Ok<ConversationSummary>, NoContent, ProblemHttpResult>> NextAsync(
        HelpNext next, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var taken = await next.TakeAsync(userId, ct);
        if (taken.Refusal is { } refusal)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many conversations", detail: refusal);
        return taken.Conversation is { } conversation ? TypedResults.Ok(conversation) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ReplyResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ReplyAsync(
        Guid id, ReplyRequest request, ConversationWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var (outcome, messageId, status) = await work.ReplyAsync(id, request.Text, user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.IsInRole(Roles.Admin), ct);
        return outcome switch
        {
            WorkOutcome.Done => TypedResults.Ok(new ReplyResponse(messageId!.Value, status)),
            WorkOutcome.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]>
                { ["text"] = [$"Write 1 to {ConversationWork.MaxReplyLength} characters."] }),
            _ => Refused(outcome),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> CloseAsync(
        Guid id, CloseRequest request, ConversationWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var closed = await work.CloseAsync(id, request.Disposition, request.Referrals, user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.IsInRole(Roles.Admin), ct);
        return closed.Outcome switch
        {
            WorkOutcome.Done => TypedResults.NoContent(),
            WorkOutcome.Invalid when closed.Problem is { } problem => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [closed.Field] = [problem] }),
            WorkOutcome.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]>
                { ["disposition"] = ["Choose one of: " + string.Join(", ", ConversationWork.Dispositions) + "."] }),
            _ => Refused(closed.Outcome),
        };
    }

    private static ProblemHttpResult Refused(WorkOutcome outcome) => outcome switch
    {
        WorkOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        WorkOutcome.Closed => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The conversation is closed"),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This conversation is another responder's"),
    };
}
