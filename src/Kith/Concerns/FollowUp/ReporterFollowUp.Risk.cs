using System.Globalization;
using Kith.Concerns.Domain;
using Kith.Concerns.Routing;
using Kith.Concerns.Triage;
using Kith.Responders.Contracts;

namespace Kith.Concerns.FollowUp;

/// <summary>
/// What a reporter's later message says about risk, read by triage's own engine and rules: its tier and rules,
/// whether it reads as risk at all (<see cref="Worrying"/>: the reporter is shown the crisis lines) and whether it
/// raises the concern's tier. <see cref="Language"/> is the one the message was written in (the page's).
/// </summary>
internal sealed record MessageRisk(Tier Tier, IReadOnlyList<string> Rules, bool Raised, string Language)
{
    public bool Worrying => Tier > Tier.Routine;
}

/// <summary>
/// Every message a reporter sends is assessed like the concern itself (issue 13, ADR 28). A message that reads
/// higher than the concern raises its tier; a raised concern, or a closed one reopened by a worrying message,
/// must be acknowledged again: the deadline of the new tier starts now and the escalation chain starts over,
/// as for a new concern, through Responders' contracts.
/// </summary>
internal sealed partial class ReporterFollowUp
{
    private static MessageRisk Assess(Concern concern, string body)
    {
        var page = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var language = Platform.Localization.Cultures.IsSupported(page) ? page : concern.Language;
        var read = ConcernTriage.AssessMessage(body, language);
        return new(read.Tier, read.RulesFired, read.Tier > concern.TierValue, language);
    }

    /// <summary>
    /// Raises the tier if the message does (its rules added to the concern's), clears the acknowledgement, retires
    /// the pending deadline checks and schedules the new tier's, and records why in the timeline (an internal note
    /// that says only what changed, never what was written). Returns who to page: the chain's first step and the
    /// person the concern is assigned to.
    /// </summary>
    private async Task<IReadOnlyList<Pagee>> RestartAsync(Concern concern, MessageRisk risk, Guid because, DateTime now, CancellationToken ct)
    {
        var before = concern.TierValue;
        if (risk.Raised)
        {
            concern.Tier = risk.Tier.Code();
            var rules = concern.TriageRules.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            rules.AddRange(risk.Rules.Where(r => !rules.Contains(r)));
            var joined = string.Join(' ', rules);
            if (joined.Length <= MaxTriageRules) concern.TriageRules = joined;
        }
        concern.AcknowledgedAt = null;
        concern.AcknowledgedBy = null;
        concern.EscalationLevel = 0;
        concern.AcknowledgeBy = paging.AcknowledgeBy(concern.Tier, now);
        await paging.RetireDeadlinesAsync(ConcernSubjects.Kind, concern.Id, because, now, ct);
        paging.ScheduleDeadline(ConcernSubjects.Of(concern), 0, concern.AcknowledgeBy, now);
        db.ConcernMessages.Add(new ConcernMessage
        {
            Id = Guid.CreateVersion7(now.AddTicks(1)), ConcernId = concern.Id, At = now.AddTicks(1), Kind = MessageKinds.Note,
            Body = (risk.Raised
                ? $"Raised from {before.Title().ToLowerInvariant()} to {concern.TierValue.Title().ToLowerInvariant()} by the reporter's message ({string.Join(", ", risk.Rules)})."
                : $"Reopened by the reporter's message, which reads as {risk.Tier.Title().ToLowerInvariant()} ({string.Join(", ", risk.Rules)}).")
                + " It must be acknowledged again.",
        });
        var chain = await paging.ChainAsync(concern.TeamId, 0, now, ct);
        return concern.AssignedTo is { } assignee ? [.. chain, new Pagee(assignee, true, false)] : chain;
    }

    /// <summary>The column's length (see the Concerns model): rules beyond it are left off rather than failing the message.</summary>
    private const int MaxTriageRules = 2000;
}
