using System.Security.Claims;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.Platform.Realtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Console;

/// <summary>
/// "The responder is writing…" for a web-chat visitor: the holder's reply box says so (throttled by the page), and
/// the visitor's chat channel hears it. Nothing is stored and nothing of the words travels: the event is empty.
/// </summary>
internal static class TypingApi
{
    public static RouteGroupBuilder MapTypingApi(this RouteGroupBuilder lines)
    {
        lines.MapPost("/conversations/{id:guid}/typing", TypingAsync).WithName("ResponderIsTyping")
            .WithSummary("Tells the texter's web chat that the responder holding the conversation is writing (holder only).");
        return lines;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> TypingAsync(Guid id, KithDb db, ILiveEvents live, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var open = await db.LineConversations.AsNoTracking().Where(c => c.Id == id && c.Status == ConversationStatuses.Active)
            .Select(c => new { c.AssignedTo }).SingleOrDefaultAsync(ct);
        if (open is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No active conversation has this id.");
        if (open.AssignedTo != me)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This conversation is another responder's");
        await live.PublishAsync(new LiveEvent("chat:" + id, "typing", "{}"), ct);
        return TypedResults.NoContent();
    }
}
