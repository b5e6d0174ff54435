using Kith.Screening.Instruments;
using Kith.Screening.Scoring;

namespace Kith.Screening.Answering;

/// <summary>The answer fields of a form ("answer-{itemId}" = option code) and the problems to show beside them.</summary>
internal static class AnswerForm
{
    public const string Prefix = "answer-";

    public static Dictionary<string, string> Read(IFormCollection form) =>
        form.Where(f => f.Key.StartsWith(Prefix, StringComparison.Ordinal) && f.Value.Count > 0 && !string.IsNullOrEmpty(f.Value[0]))
            .Take(100) // an instrument has a few dozen items at most; the rest is noise
            .ToDictionary(f => f.Key[Prefix.Length..], f => f.Value[0]!, StringComparer.Ordinal);

    /// <summary>Field id of an item's group, for the error summary's links.</summary>
    public static string FieldId(string itemId) => "item-" + itemId;

    /// <summary>Errors by item id (English texts, also translation keys).</summary>
    public static Dictionary<string, string[]> Errors(ScoredResponse scored)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var id in scored.Missing) errors[id] = ["Please answer this question."];
        foreach (var id in scored.Unknown)
            errors[scored.Instrument.ItemById(id) is null ? "form" : id] = ["That answer is not one of the choices."];
        return errors;
    }

    /// <summary>"Answer only if you answered “Yes” to question 2": skip logic people can follow without JavaScript.</summary>
    public static IEnumerable<(string Item, string Answer, bool Not)> Conditions(Instrument instrument, Item item, string language) =>
        item.EnableWhen.Select(w =>
        {
            var source = instrument.ItemById(w.Item)!;
            return (w.Item, instrument.OptionsOf(source).First(o => o.Code == w.Answer).Text.In(language), w.Not);
        });
}
