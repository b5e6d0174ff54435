using Kith.Concerns.Domain;
using Kith.Concerns.Submit;
using Kith.Concerns.Triage;

namespace Kith.Concerns.Contracts;

/// <summary>
/// A concern another module raises about a person it has found at risk (a screening's critical answers):
/// routed, paged and escalated like any other, at the tier the other module's validated rule decided.
/// </summary>
/// <param name="Rule">Why, as a rule code shown to responders ("screening:phq-a:item-9").</param>
/// <param name="Narrative">What the responder needs to know; encrypted at rest like every narrative.</param>
internal sealed record RaisedConcern(
    RaisedTier Tier, string Rule, IReadOnlyList<string> Categories, string Narrative, string Language,
    Guid? OrganisationId, Guid? AreaId, string? ContactName = null, string? ContactPhone = null, string? ContactEmail = null,
    string? FiledBy = null)
{
    /// <summary>The longest contact name a concern keeps; a module passing a person's name through must refuse longer ones first.</summary>
    public const int MaxContactName = 200;
}

/// <summary>How fast a person must act on a raised concern: the acknowledgement deadlines of urgent and imminent concerns.</summary>
internal enum RaisedTier { Urgent, Imminent }

/// <summary>What the person gets back: the receipt to read replies with (shown once), and the staff reference.</summary>
internal sealed record RaisedConcernReceipt(string Receipt, string Reference, RaisedTier Tier);

internal interface IConcernIntake
{
    /// <summary>Files the concern; returns the field errors instead when its contact details do not hold up.</summary>
    Task<(RaisedConcernReceipt? Receipt, IReadOnlyDictionary<string, string[]> Errors)> RaiseAsync(RaisedConcern concern, CancellationToken ct);
}

internal sealed class ConcernIntake(SubmitConcern submit) : IConcernIntake
{
    public async Task<(RaisedConcernReceipt? Receipt, IReadOnlyDictionary<string, string[]> Errors)> RaiseAsync(RaisedConcern concern, CancellationToken ct)
    {
        var tier = concern.Tier == RaisedTier.Imminent ? Tier.Imminent : Tier.Urgent;
        var submission = new ConcernSubmission
        {
            About = "self",
            Categories = [.. concern.Categories],
            Urgency = tier == Tier.Imminent ? "danger-now" : "soon",
            Narrative = concern.Narrative,
            Language = concern.Language,
            OrganisationId = concern.OrganisationId,
            AreaId = concern.AreaId,
            ContactName = concern.ContactName,
            ContactPhone = concern.ContactPhone,
            ContactEmail = concern.ContactEmail,
        };
        var (receipt, errors) = await submit.SubmitAsync(submission, SubmissionChannel.Screening, concern.FiledBy, ct,
            new TriageResult(tier, [concern.Rule]));
        return receipt is null ? (null, errors) : (new RaisedConcernReceipt(receipt.Receipt, receipt.Reference, concern.Tier), errors);
    }
}
