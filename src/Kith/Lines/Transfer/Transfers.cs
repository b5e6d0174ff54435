using System.Security.Claims;
using System.Text.Json;
using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Lines.Queue;
using Kith.Lines.Routing;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Realtime;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Transfer;

/// <summary>Where a conversation goes: <c>line</c> or <c>team</c> (cold, back to waiting), <c>responder</c> (cold, straight into their hands) or <c>offer</c> (warm).</summary>
internal sealed record TransferRequest(string? Kind, Guid? LineId, Guid? TeamId, string? UserId);

/// <summary>What a transfer or an answer to an offer came to: 200/204 done, otherwise a status and the field at fault.</summary>
internal sealed record TransferResult(int Status, string? Field = null, string? Message = null)
{
    public static readonly TransferResult Done = new(StatusCodes.Status200OK);
    public static TransferResult Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, field, message);
    public static TransferResult Conflict(string message) => new(StatusCodes.Status409Conflict, null, message);
    public static readonly TransferResult NotFound = new(StatusCodes.Status404NotFound, null, "Not found");
    public static readonly TransferResult Forbidden = new(StatusCodes.Status403Forbidden, null, "Only the responder holding it, or a supervisor of its line, may transfer it.");
}

/// <summary>
/// Transfers (the Aselo pattern): cold to a line (waiting on that line's queue, its clocks restarting), cold to a team
/// (waiting, for that team's members only), cold to a responder (theirs at once, within their limit), or warm to a
/// responder (offered: the holder keeps it until the target accepts; a decline or <see cref="OfferLasts"/> passing
/// leaves it where it was). Only the holder, or an administrator or the lead of a team staffing its line, transfers.
/// Each is audited (<c>lines.conversation-transferred</c>, ids only) and heard live by every queue and by the target.
/// </summary>
internal sealed class Transfers(KithDb db, Router router, IResponderTeams teams, IPaging paging, ConversationAlerts alerts,
    Escalation.Rollover rollover, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public static readonly TimeSpan OfferLasts = TimeSpan.FromMinutes(2);
    public static readonly IReadOnlyList<string> Kinds = ["line", "team", "responder", "offer"];

    public async Task<TransferResult> TransferAsync(Guid id, TransferRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (request.Kind is not { } kind || !Kinds.Contains(kind)) return TransferResult.Invalid("kind", "Choose one of: " + string.Join(", ", Kinds) + ".");
        var conversation = await db.LineConversations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null) return TransferResult.NotFound;
        var holder = conversation.AssignedTo == me && conversation.Status == ConversationStatuses.Active;
        if (!holder && !await router.SupervisesAsync(user, conversation.LineId, ct)) return TransferResult.Forbidden;
        if (conversation.ClosedAt is not null) return TransferResult.Conflict("The conversation is closed.");
        var now = time.GetUtcNow().UtcDateTime;
        var from = (conversation.LineId, conversation.AssignedTo, conversation.Status, conversation.AssignedAt);
        string? target = null;
        switch (kind)
        {
            case "line":
                if (request.LineId is not { } lineId || !await db.Lines.AnyAsync(l => l.Id == lineId && l.Active, ct))
                    return TransferResult.Invalid("lineId", "Choose an active line.");
                await RequeueAsync(conversation, lineId, null, now, ct);
                break;
            case "team":
                if (request.TeamId is not { } teamId || !await teams.IsActiveAsync(teamId, ct)) return TransferResult.Invalid("teamId", "Choose an active team.");
                await RequeueAsync(conversation, conversation.LineId, teamId, now, ct);
                break;
            default:
                if (await CheckTargetAsync(request.UserId, conversation, ct) is { } refused) return refused;
                target = request.UserId!;
                if (kind == "offer")
                {
                    if (conversation.Status != ConversationStatuses.Active) return TransferResult.Invalid("kind", "A warm transfer is from the responder holding it: send a waiting conversation cold.");
                    (conversation.OfferedTo, conversation.OfferedBy, conversation.OfferedAt) = (target, me, now);
                }
                else
                {
                    if (conversation.Status == ConversationStatuses.Waiting)
                        await paging.RetireDeadlinesAsync(ConversationAlerts.Kind, conversation.Id, Guid.CreateVersion7(now), now, ct);
                    Assign(conversation, target, now);
                }
                break;
        }
        conversation.Revision++;
        if (!await SaveAsync(conversation, me, new { kind, fromLine = from.LineId, toLine = conversation.LineId, team = conversation.TeamId, to = target }, ct))
            return TransferResult.Conflict("The conversation changed meanwhile. Reload and try again.");
        // Two hand-overs to one person at once both passed the check: the one past their limit goes back where it was.
        if (kind == "responder" && !await WithinLimitAsync(target!, ct))
        {
            (conversation.AssignedTo, conversation.Status, conversation.AssignedAt) = (from.AssignedTo, from.Status, from.AssignedAt);
            conversation.Revision++;
            await db.SaveChangesAsync(ct);
            return TransferResult.Conflict("That responder already holds as many conversations as they may.");
        }
        await TellAsync(conversation, target, ct);
        return TransferResult.Done;
    }

    /// <summary>The offered responder takes it (within their limit, before the offer lapses): it is theirs, and the holder's no more.</summary>
    public async Task<TransferResult> AcceptAsync(Guid id, string me, CancellationToken ct)
    {
        var conversation = await OfferedAsync(id, me, ct);
        if (conversation is null) return TransferResult.NotFound;
        var now = time.GetUtcNow().UtcDateTime;
        if (conversation.OfferedAt + OfferLasts <= now || conversation.Status != ConversationStatuses.Active)
        {
            ClearOffer(conversation);
            await db.SaveChangesAsync(ct);
            return TransferResult.Conflict("The offer has lapsed: the conversation stayed with the responder who offered it.");
        }
        if (!await router.HasRoomAsync(me, ct)) return TransferResult.Conflict("You already hold as many conversations as you may. Close one first.");
        var previous = (conversation.AssignedTo, conversation.AssignedAt);
        Assign(conversation, me, now);
        conversation.Revision++;
        if (!await SaveAsync(conversation, me, new { kind = "offer-accepted", from = previous.AssignedTo }, ct))
            return TransferResult.Conflict("The conversation changed meanwhile. Reload and try again.");
        if (!await WithinLimitAsync(me, ct))
        {
            (conversation.AssignedTo, conversation.AssignedAt) = previous;
            conversation.Revision++;
            await db.SaveChangesAsync(ct);
            return TransferResult.Conflict("You already hold as many conversations as you may. Close one first.");
        }
        await TellAsync(conversation, previous.AssignedTo, ct);
        return TransferResult.Done;
    }

    /// <summary>The offered responder says no: the holder keeps it, and hears so.</summary>
    public async Task<TransferResult> DeclineAsync(Guid id, string me, CancellationToken ct)
    {
        var conversation = await OfferedAsync(id, me, ct);
        if (conversation is null) return TransferResult.NotFound;
        var offeredBy = conversation.OfferedBy;
        ClearOffer(conversation);
        conversation.Revision++;
        if (!await SaveAsync(conversation, me, new { kind = "offer-declined", from = offeredBy }, ct))
            return TransferResult.Conflict("The conversation changed meanwhile. Reload and try again.");
        await TellAsync(conversation, offeredBy, ct);
        return TransferResult.Done;
    }

    /// <summary>The offers waiting for this responder's answer, oldest first.</summary>
    public async Task<List<OfferView>> OffersAsync(string me, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - OfferLasts;
        var offers = await db.LineConversations.AsNoTracking()
            .Where(c => c.OfferedTo == me && c.OfferedAt > since && c.Status == ConversationStatuses.Active).OrderBy(c => c.OfferedAt)
            .Join(db.Lines, c => c.LineId, l => l.Id, (c, l) => new { c.Id, c.Reference, c.Tier, c.Language, Line = l.Name, c.OfferedAt })
            .ToListAsync(ct);
        return [.. offers.Select(o => new OfferView(o.Id, o.Reference, o.Tier, o.Language, o.Line, o.OfferedAt!.Value + OfferLasts))];
    }

    private Task<Conversation?> OfferedAsync(Guid id, string me, CancellationToken ct) =>
        db.LineConversations.SingleOrDefaultAsync(c => c.Id == id && c.OfferedTo == me && c.ClosedAt == null, ct);

    private async Task<TransferResult?> CheckTargetAsync(string? userId, Conversation conversation, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 100 || !(await teams.TeamsOfAsync(userId, ct)).Any(t => t.Active))
            return TransferResult.Invalid("userId", "Choose a responder on an active team.");
        if (userId == conversation.AssignedTo) return TransferResult.Invalid("userId", "They already hold it.");
        return await router.HasRoomAsync(userId, ct) ? null : TransferResult.Conflict("That responder already holds as many conversations as they may.");
    }

    private async Task<bool> WithinLimitAsync(string userId, CancellationToken ct) => await router.HeldAsync(userId, ct) <= await router.LimitOfAsync(userId, ct);

    /// <summary>Back to waiting on a line's queue (or a team's): nobody holds it, its routing and wait clocks start again, and a risk tier is paged again if untaken.</summary>
    private async Task RequeueAsync(Conversation conversation, Guid lineId, Guid? teamId, DateTime now, CancellationToken ct)
    {
        (conversation.LineId, conversation.TeamId, conversation.Status, conversation.AssignedTo, conversation.AssignedAt, conversation.QueuedAt) =
            (lineId, teamId, ConversationStatuses.Waiting, null, null, now);
        ClearOffer(conversation);
        if (conversation.IsRisk) await alerts.StartClockAsync(conversation, now, ct);
        if (conversation.UnansweredAt is null) await rollover.WatchAsync(conversation, now, ct);
    }

    private static void Assign(Conversation conversation, string userId, DateTime now)
    {
        // AssignedAt means "taken by the present holder".
        (conversation.AssignedTo, conversation.AssignedAt, conversation.Status, conversation.TeamId) = (userId, now, ConversationStatuses.Active, null);
        ClearOffer(conversation);
    }

    private static void ClearOffer(Conversation conversation) =>
        (conversation.OfferedTo, conversation.OfferedBy, conversation.OfferedAt) = (null, null, null);

    private async Task<bool> SaveAsync(Conversation conversation, string actor, object details, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        await audit.RecordAsync("lines.conversation-transferred", actor, "line-conversation", conversation.Id.ToString(), details, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Every queue on every node, and the person it concerns (ids only).</summary>
    private async Task TellAsync(Conversation conversation, string? userId, CancellationToken ct)
    {
        await live.PublishAsync(Conversations.ConversationNews.Event(conversation), ct);
        if (userId is not null)
            await live.PublishAsync(new LiveEvent("user:" + userId, "line-transfer", JsonSerializer.Serialize(new { id = conversation.Id })), ct);
    }
}

internal sealed record OfferView(Guid Id, string Reference, string Tier, string Language, string LineName, DateTime Until);
