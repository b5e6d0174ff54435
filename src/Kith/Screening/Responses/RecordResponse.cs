using System.Globalization;
using Kith.Concerns.Contracts;
using Kith.Platform.Data;
using Kith.Screening.Domain;
using Kith.Screening.Instruments;
using Kith.Screening.Safety;
using Kith.Screening.Scoring;

namespace Kith.Screening.Responses;

/// <summary>What recording found: the score, the stored response (when complete) and any concern raised.</summary>
internal sealed record RecordedResponse(ScoredResponse Scored, Guid? ResponseId, RaisedConcernReceipt? Concern);

/// <summary>
/// Scores a response and keeps what may be kept. Complete responses are stored (anonymous ones without their
/// answers); incomplete ones are not, but their critical answers still count. For an identified person a
/// critical answer raises a concern at once — "never only a number on a chart"; an anonymous person is asked
/// first (<see cref="SafetyFollowUp"/>).
/// </summary>
internal sealed class RecordResponse(KithDb db, TimeProvider time, SafetyFollowUp safety)
{
    public async Task<RecordedResponse> RecordAsync(Instrument instrument, IReadOnlyDictionary<string, string> answers, ResponseContext context, CancellationToken ct)
    {
        // The edges (form, FHIR) refuse these with a field error; reaching here is a bug, and failing before the
        // concern is raised keeps the response and its concern together (neither, rather than one).
        if (context.Subject is { Fits: false }) throw new ArgumentException("The subject is longer than the limits of Subject.", nameof(context));
        var scored = InstrumentScoring.Score(instrument, answers);
        if (scored.Unknown.Count > 0) return new RecordedResponse(scored, null, null);

        RaisedConcernReceipt? concern = null;
        if (context.Identified && context.ConcernRaised is null && scored.Safety is SafetyAction.Urgent or SafetyAction.Imminent)
            concern = await safety.RaiseAsync(instrument, answers, scored, context, contact: null, ct);
        if (!scored.Complete) return new RecordedResponse(scored, null, concern);

        var now = time.GetUtcNow().UtcDateTime;
        var response = new ScreeningResponse
        {
            Id = Guid.CreateVersion7(now),
            InstrumentId = instrument.Id,
            InstrumentVersion = instrument.Version,
            Language = context.Language,
            SubmittedAt = now,
            Channel = context.Channel,
            CampaignId = context.CampaignId,
            CampaignGroup = context.CampaignGroup,
            AreaId = context.AreaId,
            OrganisationId = context.OrganisationId,
            Score = scored.Primary!.Value,
            Scores = string.Join(' ', scored.Scores.Select(s => s.Rule.Id + "=" + s.Value.ToString(CultureInfo.InvariantCulture))),
            Band = scored.Band!.Code,
            Flags = string.Join(' ', scored.Flags.Select(f => f.Code)),
            Safety = scored.Safety?.ToString(),
            ConcernReference = concern?.Reference ?? context.ConcernRaised,
            Identified = context.Identified,
            SubjectName = context.Subject?.Name,
            SubjectIdentifier = context.Subject?.Identifier,
            // Anonymous answers are never kept: aggregates need only the score, band and flags.
            Answers = context.Identified ? AnswerLines.Write(instrument, answers) : null,
            RecordedBy = context.RecordedBy,
            TeamId = context.Identified ? context.TeamId : null,
        };
        db.ScreeningResponses.Add(response);
        await db.SaveChangesAsync(ct);
        return new RecordedResponse(scored, response.Id, concern);
    }
}

/// <summary>Stored answers of an identified response: "item=code" per line, in the instrument's item order.</summary>
internal static class AnswerLines
{
    public static string Write(Instrument instrument, IReadOnlyDictionary<string, string> answers) =>
        string.Join('\n', instrument.Items.Where(i => answers.ContainsKey(i.Id)).Select(i => i.Id + "=" + answers[i.Id]));

    public static Dictionary<string, string> Read(string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
