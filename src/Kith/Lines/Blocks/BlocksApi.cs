using System.Security.Claims;
using Kith.Lines.Routing;

namespace Kith.Lines.Blocks;

/// <summary>Sender flags over HTTP: set from a conversation (its holder or an administrator); listed and lifted by administrators.</summary>
internal static class BlocksApi
{
    public static RouteGroupBuilder MapFlagApi(this RouteGroupBuilder lines)
    {
        lines.MapPost("/conversations/{id:guid}/flags", SetAsync).WithName("FlagSender")
            .WithSummary("Blocks the conversation's sender or marks them abusive, with a reason and an expiry (24h, 30d, 1y; none only for abusive).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return lines;
    }

    public static RouteGroupBuilder MapFlagAdminApi(this RouteGroupBuilder lines)
    {
        lines.MapGet("/flags", ListAsync).WithName("ListSenderFlags").WithSummary("Block and abusive flags in force.");
        lines.MapPost("/flags/{id:guid}/lift", LiftAsync).WithName("LiftSenderFlag").WithSummary("Lifts a flag before it expires.");
        return lines;
    }

    private static async Task<IResult> SetAsync(Guid id, FlagRequest request, SenderFlags flags, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await flags.SetAsync(id, request, user, ct);
        return result.Status == StatusCodes.Status200OK ? TypedResults.Ok(new { id = result.Id }) : LineProblem.Of(result.Status, result.Field, result.Message);
    }

    private static async Task<IResult> ListAsync(SenderFlags flags, CancellationToken ct) => TypedResults.Ok(await flags.ActiveAsync(null, ct));

    private static async Task<IResult> LiftAsync(Guid id, SenderFlags flags, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await flags.LiftAsync(id, user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        return result.Status == StatusCodes.Status200OK ? TypedResults.NoContent() : LineProblem.Of(result.Status, result.Field, result.Message);
    }
}
