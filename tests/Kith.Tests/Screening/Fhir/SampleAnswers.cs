using System.Text;
using System.Text.Json.Nodes;
using Kith.Screening.Instruments;
using Kith.Screening.Scoring;

namespace Kith.Tests.Screening.Fhir;

/// <summary>Complete answer sets for any instrument, answered top to bottom as a person would (skipped items left out).</summary>
internal static class SampleAnswers
{
    /// <summary>Lowest answers, highest answers, and a few seeded mixes.</summary>
    public static IEnumerable<Dictionary<string, string>> For(Instrument instrument)
    {
        yield return Answer(instrument, options => options[0]);
        yield return Answer(instrument, options => options[^1]);
        for (var seed = 1; seed <= 3; seed++)
        {
            var random = new Random(seed * 7919 + instrument.Id.Length);
            yield return Answer(instrument, options => options[random.Next(options.Count)]);
        }
    }

    public static Dictionary<string, string> Answer(Instrument instrument, Func<IReadOnlyList<AnswerOption>, AnswerOption> pick)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in instrument.Items)
            if (InstrumentScoring.IsAsked(instrument, item, answers)) answers[item.Id] = pick(instrument.OptionsOf(item)).Code;
        return answers;
    }

    /// <summary>A QuestionnaireResponse carrying the answers; <paramref name="loinc"/> sends LOINC answer codes where they exist.</summary>
    /// <summary>The canonical base a test app has when it configures none (<c>Kith:Fhir:CanonicalBase</c>).</summary>
    public const string DefaultCanonicalBase = "https://kith.example/fhir";

    public static JsonObject Resource(Instrument instrument, IReadOnlyDictionary<string, string> answers, bool loinc = false, JsonObject? subject = null)
    {
        var items = new JsonArray();
        foreach (var item in instrument.Items.Where(i => answers.ContainsKey(i.Id)))
        {
            var option = instrument.OptionsOf(item).First(o => o.Code == answers[item.Id]);
            var coding = loinc && option.Loinc is not null
                ? new JsonObject { ["system"] = "http://loinc.org", ["code"] = option.Loinc }
                : new JsonObject { ["code"] = option.Code };
            items.Add(new JsonObject { ["linkId"] = item.Id, ["answer"] = new JsonArray(new JsonObject { ["valueCoding"] = coding }) });
        }
        var resource = new JsonObject
        {
            ["resourceType"] = "QuestionnaireResponse",
            ["questionnaire"] = $"{DefaultCanonicalBase}/Questionnaire/{instrument.Id}",
            ["status"] = "completed",
            ["item"] = items,
        };
        if (subject is not null) resource["subject"] = subject;
        return resource;
    }

    public static StringContent Json(JsonNode resource, string mediaType = "application/fhir+json") =>
        new(resource.ToJsonString(), Encoding.UTF8, mediaType);
}
