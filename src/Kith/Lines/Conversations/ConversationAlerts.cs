using Kith.Lines.Domain;
using Kith.Responders.Contracts;

namespace Kith.Lines.Conversations;

/// <summary>
/// Conversations as Responders pages about them (kind "conversation"): only the reference, tier and link, never the
/// number or what was written: a texter whose words read as imminent risk (the lines' on-call), and a texter at risk
/// who opted out (the line's supervisors, each team's lead, and the administrators, to decide under the deployment's
/// safety protocol).
/// </summary>
internal sealed class ConversationAlerts(IPaging paging)
{
    public const string Kind = "conversation";
    public const string OptedOutAtRisk = "opted-out-at-risk";
    public const string Imminent = "imminent";

    /// <summary>One no line could answer is paged and escalated as imminent risk, whatever its words read as.</summary>
    public static Subject Of(Conversation c) => new(Kind, c.Id, c.Reference, $"/staff/lines/conversations/{c.Id}",
        c.UnansweredAt is null ? c.Tier : ConversationTiers.Imminent);

    /// <summary>
    /// A waiting conversation whose tier now reads as risk must be taken within the tier's allowance, or the chain
    /// escalates (Responders' deadline checks, see <c>ConversationEscalation</c>); an earlier, lower tier's checks are retired.
    /// </summary>
    public async Task StartClockAsync(Conversation conversation, DateTime now, CancellationToken ct)
    {
        if (conversation.Status != ConversationStatuses.Waiting || conversation.UnansweredAt is not null) return;
        if (conversation.AcknowledgeBy is not null) await paging.RetireDeadlinesAsync(Kind, conversation.Id, Guid.CreateVersion7(now), now, ct);
        conversation.EscalationLevel = 0;
        conversation.AcknowledgeBy = paging.AcknowledgeBy(conversation.Tier, now);
        paging.ScheduleDeadline(Of(conversation), 0, conversation.AcknowledgeBy.Value, now);
    }

    /// <summary>Pages in the caller's unit of work (committed with the opt-out); returns who was paged, for <see cref="NudgeAsync"/>.</summary>
    public async Task<IReadOnlyList<string>> OptedOutAtRiskAsync(Conversation conversation, LineSetup line, DateTime now, CancellationToken ct)
    {
        var pagees = new List<Pagee>();
        foreach (var team in line.Teams) pagees.AddRange(await paging.ChainAsync(team, 1, now, ct));
        pagees.AddRange(await paging.ChainAsync(null, 3, now, ct));
        var subject = Of(conversation);
        return await paging.PageAsync(subject, OptedOutAtRisk, 0, [.. pagees.DistinctBy(p => p.UserId)], link => new PageText(
            $"Kith: {conversation.Reference} ({conversation.Tier}) opted out",
            $"The texter on {conversation.Reference} ({conversation.Tier}) sent STOP: texts can no longer reach them. "
            + $"Decide under your safety protocol what to do, and record it. Open it: {link}"), now, ct);
    }

    /// <summary>
    /// A conversation that now reads as imminent risk: the on-call of every team answering the line is paged at once
    /// (the queue already puts it first; this reaches whoever is not looking at the queue).
    /// </summary>
    public async Task<IReadOnlyList<string>> ImminentAsync(Conversation conversation, LineSetup line, DateTime now, CancellationToken ct)
    {
        var pagees = new List<Pagee>();
        foreach (var team in line.Teams) pagees.AddRange(await paging.ChainAsync(team, 0, now, ct));
        return await paging.PageAsync(Of(conversation), Imminent, 0, [.. pagees.DistinctBy(p => p.UserId)], link => new PageText(
            $"Kith: {conversation.Reference} reads as imminent risk",
            $"A texter on {conversation.Reference} wrote words that read as imminent risk. Help them now: {link}"), now, ct);
    }

    public Task NudgeAsync(Guid conversation, string alertKind, IReadOnlyList<string> paged, CancellationToken ct) =>
        paging.NudgeAsync(Kind, conversation, alertKind, paged, ct);
}
