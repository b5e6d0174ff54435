using System.Security.Claims;
using Kith.Lines.Routing;

namespace Kith.Lines.Transfer;

/// <summary>Transfers over HTTP (responders and administrators): the transfer itself, the offered responder's answer, and their open offers.</summary>
internal static class TransferApi
{
    public static RouteGroupBuilder MapTransferApi(this RouteGroupBuilder lines)
    {
        lines.MapPost("/conversations/{id:guid}/transfer", TransferAsync).WithName("TransferConversation")
            .WithSummary("Transfers a conversation: cold to a line or a team (waiting again), cold to a responder, or offered warm to a responder.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        lines.MapPost("/conversations/{id:guid}/offer/accept", AcceptAsync).WithName("AcceptTransfer")
            .WithSummary("Takes a conversation offered to you (within your limit).").ProducesProblem(StatusCodes.Status409Conflict);
        lines.MapPost("/conversations/{id:guid}/offer/decline", DeclineAsync).WithName("DeclineTransfer")
            .WithSummary("Declines a conversation offered to you: it stays with the responder who offered it.");
        lines.MapGet("/offers", OffersAsync).WithName("ListTransferOffers").WithSummary("Conversations offered to you and not yet answered.");
        return lines;
    }

    private static async Task<IResult> TransferAsync(Guid id, TransferRequest request, Transfers transfers, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await transfers.TransferAsync(id, request, user, ct));

    private static async Task<IResult> AcceptAsync(Guid id, Transfers transfers, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await transfers.AcceptAsync(id, user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct));

    private static async Task<IResult> DeclineAsync(Guid id, Transfers transfers, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await transfers.DeclineAsync(id, user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct));

    private static async Task<IResult> OffersAsync(Transfers transfers, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await transfers.OffersAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct));

    private static IResult Answer(TransferResult result) =>
        result.Status == StatusCodes.Status200OK ? TypedResults.NoContent() : LineProblem.Of(result.Status, result.Field, result.Message);
}
