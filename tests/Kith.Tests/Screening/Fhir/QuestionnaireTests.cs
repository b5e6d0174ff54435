using Kith.Tests.Platform.Fhir;
using System.Text.Json.Nodes;
using Kith.Screening.Instruments;
using Kith.Screening.Scoring;

namespace Kith.Tests.Screening.Fhir;

/// <summary>Every instrument is served as a valid FHIR R4 Questionnaire that carries its codes, weights and skip logic.</summary>
[Trait("Category", "Integration")]
public sealed class QuestionnaireTests(KithApp app) : IClassFixture<KithApp>
{
    private static readonly InstrumentLibrary Library = InstrumentLibrary.Embedded();

    private async Task<JsonObject> GetAsync(string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task The_bundle_carries_each_questionnaire_as_served_alone()
    {
        // RiverbendFhirTests validates the bundle, and with it every questionnaire (the validator is slow: each is checked once).
        var bundle = await GetAsync("/fhir/Questionnaire");
        var entries = bundle["entry"]!.AsArray();
        foreach (var instrument in Library.All)
            Assert.True(JsonNode.DeepEquals(await GetAsync("/fhir/Questionnaire/" + instrument.Id), entries.Single(e => (string?)e!["resource"]!["id"] == instrument.Id)!["resource"]), instrument.Id);
        Assert.Equal("searchset", (string?)bundle["type"]);
        Assert.Equal(Library.All.Select(i => i.Id), bundle["entry"]!.AsArray().Select(e => (string?)e!["resource"]!["id"]));
    }

    [Fact]
    public async Task Items_carry_LOINC_codes_weights_and_translations_as_the_instrument_defines_them()
    {
        foreach (var instrument in Library.All)
        {
            var questionnaire = await GetAsync("/fhir/Questionnaire/" + instrument.Id);
            Assert.Equal($"{SampleAnswers.DefaultCanonicalBase}/Questionnaire/{instrument.Id}", (string?)questionnaire["url"]);
            Assert.Equal(instrument.Version, (string?)questionnaire["version"]);
            Assert.Equal("active", (string?)questionnaire["status"]);
            Assert.Equal(instrument.Loinc, (string?)questionnaire["code"]?[0]?["code"]);
            var items = questionnaire["item"]!.AsArray().Select(i => i!.AsObject()).ToDictionary(i => (string)i["linkId"]!);
            foreach (var item in instrument.Items)
            {
                var fhir = items[item.Id];
                Assert.Equal(item.Text.In("en"), (string?)fhir["text"]);
                Assert.Equal(item.Loinc, (string?)fhir["code"]?[0]?["code"]);
                Assert.Equal(item.Required, (bool)fhir["required"]!);
                foreach (var language in instrument.Translations.Keys.Where(l => l != "en"))
                    Assert.Contains(fhir["_text"]!["extension"]!.AsArray(), e =>
                        (string?)e!["url"] == "http://hl7.org/fhir/StructureDefinition/translation"
                        && (string?)e["extension"]![0]!["valueCode"] == language
                        && (string?)e["extension"]![1]!["valueString"] == item.Text.In(language));
                var options = fhir["answerOption"]!.AsArray();
                Assert.Equal(instrument.OptionsOf(item).Count, options.Count);
                foreach (var (option, given) in instrument.OptionsOf(item).Zip(options))
                {
                    var coding = given!["valueCoding"]!;
                    Assert.Equal(option.Loinc ?? option.Code, (string?)coding["code"]);
                    Assert.Equal(option.Loinc is null ? $"{SampleAnswers.DefaultCanonicalBase}/CodeSystem/{instrument.Id}" : "http://loinc.org", (string?)coding["system"]);
                    // Reversed items carry the weight they count for, so summing ordinal values gives the authors' score.
                    var weight = InstrumentScoring.WeightOf(instrument, item, option.Code);
                    Assert.Equal(weight, (decimal)coding["extension"]![0]!["valueDecimal"]!);
                    Assert.Equal("http://hl7.org/fhir/StructureDefinition/ordinalValue", (string?)coding["extension"]![0]!["url"]);
                    Assert.Equal(weight, (decimal)given["extension"]![0]!["valueDecimal"]!);
                    Assert.Equal("http://hl7.org/fhir/StructureDefinition/itemWeight", (string?)given["extension"]![0]!["url"]);
                }
            }
            foreach (var score in instrument.Scores)
            {
                var fhir = items["score-" + score.Id];
                Assert.Equal("decimal", (string?)fhir["type"]);
                Assert.True((bool)fhir["readOnly"]!);
                Assert.Equal(score.Loinc, (string?)fhir["code"]?[0]?["code"]);
            }
            Assert.Equal(instrument.Bands.Select(b => b.Code), items["band"]["answerOption"]!.AsArray().Select(o => (string?)o!["valueCoding"]!["code"]));
        }
    }

    [Fact]
    public async Task The_PHQ_9_total_is_coded_44261_6_and_its_items_with_their_LOINC_answer_codes()
    {
        var questionnaire = await GetAsync("/fhir/Questionnaire/phq-9");
        Assert.Equal("44249-1", (string?)questionnaire["code"]![0]!["code"]);
        var items = questionnaire["item"]!.AsArray();
        Assert.Contains(items, i => (string?)i!["linkId"] == "score-total" && (string?)i["code"]![0]!["code"] == "44261-6");
        var item9 = items.Single(i => (string?)i!["linkId"] == "9")!;
        Assert.Equal("44260-8", (string?)item9["code"]![0]!["code"]);
        Assert.Equal(["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"], item9["answerOption"]!.AsArray().Select(o => (string?)o!["valueCoding"]!["code"]));
    }

    [Fact]
    public async Task Enable_when_mirrors_the_skip_logic_of_every_item()
    {
        foreach (var instrument in Library.All)
        {
            var questionnaire = await GetAsync("/fhir/Questionnaire/" + instrument.Id);
            var items = questionnaire["item"]!.AsArray().Select(i => i!.AsObject()).ToDictionary(i => (string)i["linkId"]!);
            foreach (var item in instrument.Items)
            {
                var fhir = items[item.Id];
                var conditions = fhir["enableWhen"]?.AsArray() ?? [];
                Assert.Equal(item.EnableWhen.Count, conditions.Count);
                Assert.Equal(item.EnableWhen.Count > 1 ? "all" : null, (string?)fhir["enableBehavior"]);
                foreach (var (when, condition) in item.EnableWhen.Zip(conditions))
                {
                    var source = instrument.ItemById(when.Item)!;
                    var option = instrument.OptionsOf(source).Single(o => o.Code == when.Answer);
                    Assert.Equal(when.Item, (string?)condition!["question"]);
                    Assert.Equal(when.Not ? "!=" : "=", (string?)condition["operator"]);
                    Assert.Equal(option.Loinc ?? option.Code, (string?)condition["answerCoding"]!["code"]);
                }
            }
        }
    }

    [Fact]
    public async Task An_unknown_questionnaire_is_a_404_OperationOutcome()
    {
        using var client = app.CreateClient();
        var outcomes = new List<JsonNode>();
        foreach (var id in new[] { "nope", "PHQ-9", "phq-9.json", "phq" })
        {
            var response = await client.GetAsync("/fhir/Questionnaire/" + id);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
            outcomes.Add(outcome);
        }
        await FhirValidator.AssertValidAsync([.. outcomes]);
    }
}
