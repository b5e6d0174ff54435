using System.Text.Json.Nodes;
using Kith.Screening.Instruments;

namespace Kith.Screening.Fhir;

/// <summary>
/// An instrument as a FHIR R4 Questionnaire (SDC style): items coded with LOINC, each answer's weight as
/// <c>ordinalValue</c> and <c>itemWeight</c>, skip logic as <c>enableWhen</c>, and read-only items for the
/// scores, the band, positive-screen flags and critical findings that a scored response fills in.
/// </summary>
internal static class QuestionnaireResource
{
    public static JsonObject Build(string fhirBase, Instrument instrument)
    {
        var questionnaire = new JsonObject
        {
            ["resourceType"] = "Questionnaire",
            ["id"] = instrument.Id,
            ["url"] = FhirCodes.Canonical(fhirBase, instrument),
            ["version"] = instrument.Version,
            ["name"] = new string(instrument.Name.Where(char.IsAsciiLetterOrDigit).ToArray()),
            ["title"] = instrument.Title.In("en"),
            ["_title"] = Translations(instrument.Title),
            ["status"] = "active",
            ["subjectType"] = new JsonArray("Patient"),
            ["description"] = instrument.Purpose.In("en"),
        };
        if (instrument.Loinc is { } panel) questionnaire["code"] = LoincCode(panel);
        if (instrument.Copyright is { } copyright) questionnaire["copyright"] = copyright;
        if (questionnaire["_title"] is null) questionnaire.Remove("_title");

        var items = new JsonArray();
        foreach (var item in instrument.Items) items.Add(Question(fhirBase, instrument, item));
        foreach (var score in instrument.Scores)
        {
            var scoreItem = new JsonObject { ["linkId"] = FhirCodes.ScorePrefix + score.Id };
            if (score.Loinc is { } loinc) scoreItem["code"] = LoincCode(loinc);
            scoreItem["text"] = score.Title.In("en");
            scoreItem["type"] = "decimal";
            scoreItem["readOnly"] = true;
            items.Add(WithTranslations(scoreItem, score.Title));
        }
        items.Add(Computed(FhirCodes.BandItem, "Severity", repeats: false,
            instrument.Bands.Select(b => (FhirCodes.BandSystem(fhirBase, instrument), b.Code, b.Title))));
        if (instrument.Flags.Count > 0)
            items.Add(Computed(FhirCodes.FlagsItem, "Positive screens", repeats: true,
                instrument.Flags.Select(f => (FhirCodes.FlagSystem(fhirBase, instrument), f.Code, f.Title))));
        if (instrument.Critical.Count > 0)
            items.Add(Computed(FhirCodes.CriticalItem, "Critical answers", repeats: true,
                instrument.Critical.Select(c => (FhirCodes.CriticalSystem(fhirBase, instrument), c.Code, c.Title))));
        questionnaire["item"] = items;
        return questionnaire;
    }

    private static JsonObject Question(string fhirBase, Instrument instrument, Item item)
    {
        var question = new JsonObject { ["linkId"] = item.Id };
        if (item.Loinc is { } loinc) question["code"] = LoincCode(loinc);
        question["text"] = item.Text.In("en");
        WithTranslations(question, item.Text);
        question["type"] = "choice";
        question["required"] = item.Required;
        if (item.EnableWhen.Count > 0)
        {
            var conditions = new JsonArray();
            foreach (var when in item.EnableWhen)
            {
                var source = instrument.ItemById(when.Item)!;
                var option = instrument.OptionsOf(source).First(o => o.Code == when.Answer);
                var (system, code) = FhirCodes.CodingOf(fhirBase, instrument, option);
                conditions.Add(new JsonObject
                {
                    ["question"] = when.Item,
                    ["operator"] = when.Not ? "!=" : "=",
                    ["answerCoding"] = new JsonObject { ["system"] = system, ["code"] = code },
                });
            }
            question["enableWhen"] = conditions;
            if (item.EnableWhen.Count > 1) question["enableBehavior"] = "all";
        }
        var options = new JsonArray();
        foreach (var option in instrument.OptionsOf(item))
        {
            var weight = FhirCodes.EffectiveWeight(instrument, item, option);
            var coding = Coding(FhirCodes.CodingOf(fhirBase, instrument, option), option.Text);
            coding["extension"] = new JsonArray(new JsonObject { ["url"] = FhirCodes.OrdinalValue, ["valueDecimal"] = weight });
            options.Add(new JsonObject
            {
                ["extension"] = new JsonArray(new JsonObject { ["url"] = FhirCodes.ItemWeight, ["valueDecimal"] = weight }),
                ["valueCoding"] = coding,
            });
        }
        question["answerOption"] = options;
        return question;
    }

    private static JsonObject Computed(string linkId, string text, bool repeats, IEnumerable<(string System, string Code, LocalText Title)> choices)
    {
        var options = new JsonArray();
        foreach (var (system, code, title) in choices)
            options.Add(new JsonObject { ["valueCoding"] = Coding((system, code), title) });
        var item = new JsonObject { ["linkId"] = linkId, ["text"] = text, ["type"] = "choice" };
        if (repeats) item["repeats"] = true;
        item["readOnly"] = true;
        item["answerOption"] = options;
        return item;
    }

    /// <summary>A coding with its English display and the other languages as translation extensions.</summary>
    public static JsonObject Coding((string System, string Code) coding, LocalText display)
    {
        var result = new JsonObject { ["system"] = coding.System, ["code"] = coding.Code, ["display"] = display.In("en") };
        if (Translations(display) is { } translations) result["_display"] = translations;
        return result;
    }

    public static JsonArray LoincCode(string code) => new(new JsonObject { ["system"] = FhirCodes.Loinc, ["code"] = code });

    private static JsonObject WithTranslations(JsonObject item, LocalText text)
    {
        if (Translations(text) is { } translations) item["_text"] = translations;
        return item;
    }

    /// <summary>The <c>translation</c> extension for every language besides English, or null when there is none.</summary>
    private static JsonObject? Translations(LocalText text)
    {
        var extensions = new JsonArray();
        foreach (var (language, value) in text.Where(t => t.Key != "en" && t.Value.Length > 0).OrderBy(t => t.Key, StringComparer.Ordinal))
            extensions.Add(new JsonObject
            {
                ["url"] = FhirCodes.Translation,
                ["extension"] = new JsonArray(
                    new JsonObject { ["url"] = "lang", ["valueCode"] = language },
                    new JsonObject { ["url"] = "content", ["valueString"] = value }),
            });
        return extensions.Count == 0 ? null : new JsonObject { ["extension"] = extensions };
    }
}
