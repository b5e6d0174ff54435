using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Kith.Platform.Fhir;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;
using Kith.Screening.Instruments;
using Kith.Screening.Responses;

namespace Kith.Screening.Fhir;

/// <summary>
/// A QuestionnaireResponse from a partner system, read into answer codes by item id. Answers must be codings —
/// our code or the option's LOINC answer code — because a bare number could stand for more than one option
/// (reversed items, two answer lists with the same weights) and a wrong guess would be a wrong score.
/// </summary>
internal sealed record PostedResponse(Instrument Instrument, Dictionary<string, string> Answers, Subject? Subject, string Language)
{
    /// <summary>Reads the resource; returns the problems instead when any item or answer cannot be used.</summary>
    public static (PostedResponse? Response, IReadOnlyList<FhirProblem> Problems) Read(JsonNode? body, InstrumentLibrary library, string fhirBase)
    {
        if (body is not JsonObject resource || Text(resource["resourceType"]) != "QuestionnaireResponse")
            return (null, [new("The body must be a FHIR QuestionnaireResponse resource (resourceType \"QuestionnaireResponse\").")]);
        if (Text(resource["status"]) is null)
            return (null, [new("status is required (e.g. \"completed\").", "QuestionnaireResponse.status", IssueType.Required)]);
        var instrument = Resolve(Text(resource["questionnaire"]), library, fhirBase, out var problem);
        if (instrument is null) return (null, [problem!]);

        var problems = new List<FhirProblem>();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Flatten(resource["item"], problems))
        {
            var linkId = Text(entry["linkId"]);
            if (linkId is null) { problems.Add(new("An item has no linkId.", null, IssueType.Required)); continue; }
            // Scores, band and findings a sender echoes back are ours to compute; what they say is not read.
            if (FhirCodes.IsComputed(linkId)) continue;
            var item = instrument.ItemById(linkId);
            if (item is null) { problems.Add(new($"Item '{linkId}' is not an item of {instrument.Name}.", linkId)); continue; }
            if (answers.ContainsKey(linkId)) { problems.Add(new($"Item '{linkId}' is answered twice.", linkId)); continue; }
            if (entry["answer"] is not JsonArray given || given.Count == 0) continue;
            if (given.Count > 1) { problems.Add(new($"Item '{linkId}' takes one answer, not {given.Count}.", linkId)); continue; }
            var code = AnswerCode(instrument, item, given[0], fhirBase, out var wrong);
            if (code is null) { problems.Add(new(wrong!, linkId, IssueType.CodeInvalid)); continue; }
            answers[linkId] = code;
        }
        var language = Text(resource["language"]) is { } l && Platform.Localization.Cultures.IsSupported(l) ? l : "en";
        var subject = SubjectOf(resource["subject"], problems);
        return problems.Count > 0 ? (null, problems) : (new PostedResponse(instrument, answers, subject, language), []);
    }

    /// <summary>
    /// The resource as sent, read by the Firely SDK once <see cref="Read"/> has accepted it, to be answered with
    /// what scoring found. Elements the SDK does not know are dropped rather than echoed (a lenient read: the
    /// answers that matter were checked above, with problems a sender can act on).
    /// </summary>
    public static QuestionnaireResponse AsResource(JsonNode body)
    {
        try
        {
            return body.Deserialize<QuestionnaireResponse>(Lenient)!;
        }
        catch (DeserializationFailedException failed) when (failed.PartialResult is QuestionnaireResponse partial)
        {
            return partial;
        }
    }

    private static readonly JsonSerializerOptions Lenient = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Ostrich);

    /// <summary>A problem with the request itself (a field too long) rather than with its answers: a 400, not a 422.</summary>
    public static bool IsBadRequest(IReadOnlyList<FhirProblem> problems) => problems.Any(p => p.Code == IssueType.TooLong);

    private static Instrument? Resolve(string? canonical, InstrumentLibrary library, string fhirBase, out FhirProblem? problem)
    {
        problem = null;
        if (canonical is null)
        {
            problem = new("questionnaire is required: the canonical url of one of our Questionnaires.", "QuestionnaireResponse.questionnaire", IssueType.Required);
            return null;
        }
        var parts = canonical.Split('|', 2);
        var url = parts[0];
        var prefix = fhirBase + "/Questionnaire/";
        var id = url.StartsWith(prefix, StringComparison.Ordinal) ? url[prefix.Length..]
            : url.StartsWith("Questionnaire/", StringComparison.Ordinal) ? url["Questionnaire/".Length..] : null;
        var instrument = library.Find(id);
        if (instrument is null || instrument.Id != id)
        {
            problem = new($"questionnaire '{canonical}' is not one of ours; see {fhirBase}/Questionnaire for the list.", "QuestionnaireResponse.questionnaire", IssueType.NotFound);
            return null;
        }
        if (parts.Length == 2 && parts[1] != instrument.Version)
        {
            problem = new($"questionnaire version '{parts[1]}' is not the current one ({instrument.Version}).", "QuestionnaireResponse.questionnaire", IssueType.NotSupported);
            return null;
        }
        return instrument;
    }

    /// <summary>Items at any depth (groups nest their items; answers may nest follow-up items too).</summary>
    private static IEnumerable<JsonObject> Flatten(JsonNode? items, List<FhirProblem> problems)
    {
        if (items is null) yield break;
        if (items is not JsonArray list) { problems.Add(new("item must be a list.", "QuestionnaireResponse.item", IssueType.Structure)); yield break; }
        foreach (var node in list)
        {
            if (node is not JsonObject entry) { problems.Add(new("Each item must be an object.", "QuestionnaireResponse.item", IssueType.Structure)); continue; }
            yield return entry;
            foreach (var nested in Flatten(entry["item"], problems)) yield return nested;
            if (entry["answer"] is JsonArray answers)
                foreach (var answer in answers.OfType<JsonObject>())
                    foreach (var nested in Flatten(answer["item"], problems)) yield return nested;
        }
    }

    private static string? AnswerCode(Instrument instrument, Item item, JsonNode? answer, string fhirBase, out string? problem)
    {
        problem = null;
        if (answer is JsonObject value && value["valueCoding"] is JsonObject coding && Text(coding["code"]) is { } code)
        {
            var system = Text(coding["system"]);
            var ours = FhirCodes.AnswerSystem(fhirBase, instrument);
            var option = instrument.OptionsOf(item).FirstOrDefault(o =>
                (o.Code == code && (system is null || system == ours)) || (o.Loinc == code && (system is null || system == FhirCodes.Loinc)));
            if (option is not null) return option.Code;
            var allowed = string.Join(", ", instrument.OptionsOf(item).Select(o => o.Loinc is null ? o.Code : $"{o.Code} or {o.Loinc}"));
            problem = $"Item '{item.Id}': '{code}'{(system is null ? "" : $" ({system})")} is not one of its answers ({allowed}).";
            return null;
        }
        problem = answer is JsonObject other && (other.ContainsKey("valueInteger") || other.ContainsKey("valueDecimal"))
            ? $"Item '{item.Id}': answer with a valueCoding (our code or the LOINC answer code). A number alone is not accepted: it cannot say which option was chosen."
            : $"Item '{item.Id}': answer with a valueCoding (our code or the LOINC answer code).";
        return null;
    }

    /// <summary>The person, within the limits the staff form and the concern it may raise hold (<see cref="Subject"/>).</summary>
    private static Subject? SubjectOf(JsonNode? subject, List<FhirProblem> problems)
    {
        if (subject is not JsonObject reference) return null;
        var display = Text(reference["display"])?.Trim();
        var identifier = reference["identifier"] is JsonObject id ? Text(id["value"])?.Trim() : null;
        if (string.IsNullOrEmpty(display)) display = null;
        if (string.IsNullOrEmpty(identifier)) identifier = null;
        // Without a display the identifier stands for the name too, so it must fit there as well.
        if ((display ?? identifier)?.Length > Subject.MaxName)
            problems.Add(new($"subject.display is longer than {Subject.MaxName} characters.", "QuestionnaireResponse.subject.display", IssueType.TooLong));
        if (identifier?.Length > Subject.MaxIdentifier)
            problems.Add(new($"subject.identifier.value is longer than {Subject.MaxIdentifier} characters.", "QuestionnaireResponse.subject.identifier.value", IssueType.TooLong));
        return display is null && identifier is null ? null : new Subject(display ?? identifier!, identifier);
    }

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
