using Hl7.Fhir.Model;
using Kith.Screening.Instruments;

namespace Kith.Screening.Fhir;

/// <summary>What a scored response adds as answered items: every score, the band, positive screens and critical findings.</summary>
internal sealed record ScoredItems(
    IReadOnlyList<(ScoreRule Rule, decimal Value)> Scores, Band? Band, IReadOnlyList<Instruments.Flag> Flags, IReadOnlyList<CriticalRule> Critical)
{
    /// <summary>Replaces any computed items the sender put in with ours, after the answered items.</summary>
    public void WriteInto(QuestionnaireResponse response, string fhirBase, Instrument instrument)
    {
        response.Item.RemoveAll(i => i.LinkId is { } id && FhirCodes.IsComputed(id));
        foreach (var (rule, value) in Scores)
            response.Item.Add(new() { LinkId = FhirCodes.ScorePrefix + rule.Id, Text = rule.Title.In("en"), Answer = [new() { Value = new FhirDecimal(value) }] });
        if (Band is not null)
            response.Item.Add(Answered(FhirCodes.BandItem, "Severity", [(FhirCodes.BandSystem(fhirBase, instrument), Band.Code, Band.Title)]));
        if (Flags.Count > 0)
            response.Item.Add(Answered(FhirCodes.FlagsItem, "Positive screens", Flags.Select(f => (FhirCodes.FlagSystem(fhirBase, instrument), f.Code, f.Title))));
        if (Critical.Count > 0)
            response.Item.Add(Answered(FhirCodes.CriticalItem, "Critical answers", Critical.Select(c => (FhirCodes.CriticalSystem(fhirBase, instrument), c.Code, c.Title))));
    }

    private static QuestionnaireResponse.ItemComponent Answered(string linkId, string text, IEnumerable<(string System, string Code, LocalText Title)> codings) =>
        new()
        {
            LinkId = linkId,
            Text = text,
            Answer = codings.Select(c => new QuestionnaireResponse.AnswerComponent { Value = QuestionnaireResource.Coding((c.System, c.Code), c.Title) }).ToList(),
        };
}
