using Hl7.Fhir.Model;
using Kith.Screening.Instruments;

namespace Kith.Screening.Fhir;

/// <summary>
/// An instrument as a FHIR R4 Questionnaire (SDC style): items coded with LOINC, each answer's weight as
/// <c>ordinalValue</c> and <c>itemWeight</c>, skip logic as <c>enableWhen</c>, and read-only items for the
/// scores, the band, positive-screen flags and critical findings that a scored response fills in.
/// </summary>
internal static class QuestionnaireResource
{
    public static Questionnaire Build(string fhirBase, Instrument instrument)
    {
        var questionnaire = new Questionnaire
        {
            Id = instrument.Id,
            Url = FhirCodes.Canonical(fhirBase, instrument),
            Version = instrument.Version,
            Name = new string(instrument.Name.Where(char.IsAsciiLetterOrDigit).ToArray()),
            TitleElement = Translated(new FhirString(instrument.Title.In("en")), instrument.Title),
            Status = PublicationStatus.Active,
            SubjectType = [ResourceType.Patient],
            Description = instrument.Purpose.In("en"),
            Copyright = instrument.Copyright,
        };
        questionnaire.Code = LoincCodes(instrument.Loinc);

        foreach (var item in instrument.Items) questionnaire.Item.Add(Question(fhirBase, instrument, item));
        foreach (var score in instrument.Scores)
            questionnaire.Item.Add(new()
            {
                LinkId = FhirCodes.ScorePrefix + score.Id,
                Code = LoincCodes(score.Loinc),
                TextElement = Translated(new FhirString(score.Title.In("en")), score.Title),
                Type = Questionnaire.QuestionnaireItemType.Decimal,
                ReadOnly = true,
            });
        questionnaire.Item.Add(Computed(FhirCodes.BandItem, "Severity", repeats: false,
            instrument.Bands.Select(b => (FhirCodes.BandSystem(fhirBase, instrument), b.Code, b.Title))));
        if (instrument.Flags.Count > 0)
            questionnaire.Item.Add(Computed(FhirCodes.FlagsItem, "Positive screens", repeats: true,
                instrument.Flags.Select(f => (FhirCodes.FlagSystem(fhirBase, instrument), f.Code, f.Title))));
        if (instrument.Critical.Count > 0)
            questionnaire.Item.Add(Computed(FhirCodes.CriticalItem, "Critical answers", repeats: true,
                instrument.Critical.Select(c => (FhirCodes.CriticalSystem(fhirBase, instrument), c.Code, c.Title))));
        return questionnaire;
    }

    private static Questionnaire.ItemComponent Question(string fhirBase, Instrument instrument, Item item)
    {
        var question = new Questionnaire.ItemComponent
        {
            LinkId = item.Id,
            Code = LoincCodes(item.Loinc),
            TextElement = Translated(new FhirString(item.Text.In("en")), item.Text),
            Type = Questionnaire.QuestionnaireItemType.Choice,
            Required = item.Required,
        };
        foreach (var when in item.EnableWhen)
        {
            var source = instrument.ItemById(when.Item)!;
            var option = instrument.OptionsOf(source).First(o => o.Code == when.Answer);
            var (system, code) = FhirCodes.CodingOf(fhirBase, instrument, option);
            question.EnableWhen.Add(new()
            {
                Question = when.Item,
                Operator = when.Not ? Questionnaire.QuestionnaireItemOperator.NotEqual : Questionnaire.QuestionnaireItemOperator.Equal,
                Answer = new Coding(system, code),
            });
        }
        if (item.EnableWhen.Count > 1) question.EnableBehavior = Questionnaire.EnableWhenBehavior.All;
        foreach (var option in instrument.OptionsOf(item))
        {
            var weight = new FhirDecimal(FhirCodes.EffectiveWeight(instrument, item, option));
            var coding = Coding(FhirCodes.CodingOf(fhirBase, instrument, option), option.Text);
            coding.Extension.Add(new Extension(FhirCodes.OrdinalValue, weight));
            var answer = new Questionnaire.AnswerOptionComponent { Value = coding };
            answer.Extension.Add(new Extension(FhirCodes.ItemWeight, (FhirDecimal)weight.DeepCopy()));
            question.AnswerOption.Add(answer);
        }
        return question;
    }

    private static Questionnaire.ItemComponent Computed(string linkId, string text, bool repeats, IEnumerable<(string System, string Code, LocalText Title)> choices)
    {
        var item = new Questionnaire.ItemComponent { LinkId = linkId, Text = text, Type = Questionnaire.QuestionnaireItemType.Choice, ReadOnly = true };
        if (repeats) item.Repeats = true;
        foreach (var (system, code, title) in choices)
            item.AnswerOption.Add(new() { Value = Coding((system, code), title) });
        return item;
    }

    /// <summary>A coding with its English display and the other languages as translation extensions.</summary>
    public static Coding Coding((string System, string Code) coding, LocalText display) =>
        new(coding.System, coding.Code) { DisplayElement = Translated(new FhirString(display.In("en")), display) };

    private static List<Coding> LoincCodes(string? code) => code is null ? [] : [new Coding(FhirCodes.Loinc, code)];

    /// <summary>The element with a <c>translation</c> extension for every language besides English.</summary>
    private static FhirString Translated(FhirString element, LocalText text)
    {
        foreach (var (language, value) in text.Where(t => t.Key != "en" && t.Value.Length > 0).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var translation = new Extension { Url = FhirCodes.Translation };
            translation.Extension.Add(new Extension("lang", new Code(language)));
            translation.Extension.Add(new Extension("content", new FhirString(value)));
            element.Extension.Add(translation);
        }
        return element;
    }
}
