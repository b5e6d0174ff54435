using Kith.Screening.Instruments;
using Kith.Screening.Scoring;

namespace Kith.Screening.Fhir;

/// <summary>
/// The systems and urls Kith's FHIR resources use. Canonicals are built from the configured base
/// (<see cref="Platform.Fhir.CanonicalBase"/>), never from the request, so a questionnaire has one identity.
/// </summary>
internal static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Translation = "http://hl7.org/fhir/StructureDefinition/translation";
    public const string OrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    public const string ItemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight";

    /// <summary>Read-only items a scored response carries, beside the instrument's own items.</summary>
    public const string BandItem = "band";
    public const string FlagsItem = "flags";
    public const string CriticalItem = "critical";
    public const string ScorePrefix = "score-";

    public static string Canonical(string fhirBase, Instrument instrument) => $"{fhirBase}/Questionnaire/{instrument.Id}";
    /// <summary>Answer codes (for options without a LOINC code); codes are read per item, as the instrument defines them.</summary>
    public static string AnswerSystem(string fhirBase, Instrument instrument) => $"{fhirBase}/CodeSystem/{instrument.Id}";
    public static string BandSystem(string fhirBase, Instrument instrument) => $"{fhirBase}/CodeSystem/{instrument.Id}-band";
    public static string FlagSystem(string fhirBase, Instrument instrument) => $"{fhirBase}/CodeSystem/{instrument.Id}-flag";
    public static string CriticalSystem(string fhirBase, Instrument instrument) => $"{fhirBase}/CodeSystem/{instrument.Id}-critical";

    public static bool IsComputed(string linkId) =>
        linkId is BandItem or FlagsItem or CriticalItem || linkId.StartsWith(ScorePrefix, StringComparison.Ordinal);

    /// <summary>The coding an answer is sent and shown with: its LOINC answer code where it has one.</summary>
    public static (string System, string Code) CodingOf(string fhirBase, Instrument instrument, AnswerOption option) =>
        option.Loinc is { } la ? (Loinc, la) : (AnswerSystem(fhirBase, instrument), option.Code);

    /// <summary>The weight an answer counts for, after reversal — what a consumer summing ordinal values must add.</summary>
    public static int EffectiveWeight(Instrument instrument, Item item, AnswerOption option) =>
        InstrumentScoring.WeightOf(instrument, item, option.Code);
}
