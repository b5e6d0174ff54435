using System.Text.Json.Nodes;
using Kith.Screening.Instruments;

namespace Kith.Screening.Fhir;

/// <summary>What a scored response adds as answered items: every score, the band, positive screens and critical findings.</summary>
internal sealed record ScoredItems(
    IReadOnlyList<(ScoreRule Rule, decimal Value)> Scores, Band? Band, IReadOnlyList<Flag> Flags, IReadOnlyList<CriticalRule> Critical)
{
    /// <summary>Replaces any computed items the sender put in with ours, after the answered items.</summary>
    public void WriteInto(JsonObject response, string fhirBase, Instrument instrument)
    {
        var items = response["item"] as JsonArray ?? [];
        foreach (var stale in items.OfType<JsonObject>().Where(i => PostedResponse.Text(i["linkId"]) is { } id && FhirCodes.IsComputed(id)).ToList())
            items.Remove(stale);
        foreach (var (rule, value) in Scores)
        {
            var item = new JsonObject { ["linkId"] = FhirCodes.ScorePrefix + rule.Id, ["text"] = rule.Title.In("en") };
            item["answer"] = new JsonArray(new JsonObject { ["valueDecimal"] = value });
            items.Add(item);
        }
        if (Band is not null)
            items.Add(Answered(FhirCodes.BandItem, "Severity", [(FhirCodes.BandSystem(fhirBase, instrument), Band.Code, Band.Title)]));
        if (Flags.Count > 0)
            items.Add(Answered(FhirCodes.FlagsItem, "Positive screens", Flags.Select(f => (FhirCodes.FlagSystem(fhirBase, instrument), f.Code, f.Title))));
        if (Critical.Count > 0)
            items.Add(Answered(FhirCodes.CriticalItem, "Critical answers", Critical.Select(c => (FhirCodes.CriticalSystem(fhirBase, instrument), c.Code, c.Title))));
        response["item"] = items;
    }

    private static JsonObject Answered(string linkId, string text, IEnumerable<(string System, string Code, LocalText Title)> codings)
    {
        var answers = new JsonArray();
        foreach (var (system, code, title) in codings)
            answers.Add(new JsonObject { ["valueCoding"] = QuestionnaireResource.Coding((system, code), title) });
        return new JsonObject { ["linkId"] = linkId, ["text"] = text, ["answer"] = answers };
    }
}
