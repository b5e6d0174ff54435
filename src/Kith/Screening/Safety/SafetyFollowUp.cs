using System.Globalization;
using System.Text;
using Kith.Concerns.Contracts;
using Kith.Screening.Instruments;
using Kith.Screening.Responses;
using Kith.Screening.Scoring;

namespace Kith.Screening.Safety;

/// <summary>
/// Puts a person on a screening's critical answers: raises a concern, routed like any other, at the tier the
/// instrument's own rule calls for (urgent, or imminent for C-SSRS high risk). The responder reads which
/// answers fired and the result; nothing else about the person unless they gave contact details.
/// </summary>
internal sealed class SafetyFollowUp(IConcernIntake intake)
{
    public async Task<RaisedConcernReceipt> RaiseAsync(Instrument instrument, IReadOnlyDictionary<string, string> answers,
        ScoredResponse scored, ResponseContext context, ContactDetails? contact, CancellationToken ct)
    {
        var (receipt, errors) = await TryRaiseAsync(instrument, answers, scored, context, contact, ct);
        return receipt ?? throw new InvalidOperationException("A screening concern was refused: " + string.Join("; ", errors.Keys));
    }

    public async Task<(RaisedConcernReceipt? Receipt, IReadOnlyDictionary<string, string[]> Errors)> TryRaiseAsync(
        Instrument instrument, IReadOnlyDictionary<string, string> answers, ScoredResponse scored,
        ResponseContext context, ContactDetails? contact, CancellationToken ct)
    {
        if (scored.Safety is null) throw new InvalidOperationException("Only a response with critical answers raises a concern.");
        // Someone who asks for a person after a "crisis options" answer (C-SSRS low risk) still gets one within the urgent deadline.
        var tier = scored.Safety == SafetyAction.Imminent ? RaisedTier.Imminent : RaisedTier.Urgent;
        var rule = "screening:" + instrument.Id + ":" + string.Join('+', scored.Critical.Select(c => c.Code));
        return await intake.RaiseAsync(new RaisedConcern(
            tier, rule, ["suicide-self-harm"], Narrative(instrument, answers, scored, context), context.Language,
            context.OrganisationId, context.AreaId,
            context.Subject?.Name ?? contact?.Name, contact?.Phone, contact?.Email, context.RecordedBy), ct);
    }

    /// <summary>What the responder reads, in English (the staff's working language): where it came from, the answers that fired, the result.</summary>
    internal static string Narrative(Instrument instrument, IReadOnlyDictionary<string, string> answers, ScoredResponse scored, ResponseContext context)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{instrument.Name} ");
        text.Append(context.Channel switch
        {
            "campaign" => $"in the campaign \"{context.CampaignName}\"" + (context.CampaignGroup is null ? "" : $" (group: {context.CampaignGroup})"),
            "self-check" => "taken as a self-check on the public site",
            "fhir" => "sent by a partner system",
            _ => "recorded by staff",
        });
        text.Append(context.Identified ? "." : ". The person is anonymous and asked for someone to reach out.");
        text.Append("\n\nCritical answers:");
        foreach (var rule in scored.Critical)
        {
            var item = instrument.ItemById(rule.When.Item!)!;
            var answer = instrument.OptionsOf(item).First(o => o.Code == answers[item.Id]);
            text.Append(CultureInfo.InvariantCulture, $"\n- Item {item.Id}: \"{item.Text.In("en")}\" — \"{answer.Text.In("en")}\" ({rule.Title.In("en")}; {rule.Action}).");
        }
        text.Append("\n\n");
        text.Append(scored.Complete
            ? string.Create(CultureInfo.InvariantCulture, $"Result: {scored.Rule} = {scored.Primary} ({scored.Band!.Title.In("en")}).")
            : "The response was not finished, so it has no score.");
        if (context.Language != "en") text.Append(CultureInfo.InvariantCulture, $"\nAnswered in: {context.Language}.");
        return text.ToString();
    }
}
