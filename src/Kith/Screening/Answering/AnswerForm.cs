using Kith.Screening.Instruments;
using Kith.Screening.Scoring;
using Microsoft.Extensions.Localization;

namespace Kith.Screening.Answering;

/// <summary>The answer fields of a form ("answer-{itemId}" = option code) and the problems to show beside them.</summary>
internal static class AnswerForm
{
    public const string Prefix = "answer-";

    public static Dictionary<string, string> Read(IFormCollection form) =>
        form.Where(f => f.Key.StartsWith(Prefix, StringComparison.Ordinal) && f.Value.Count > 0 && !string.IsNullOrEmpty(f.Value[0]))
            .Take(100) // an instrument has a few dozen items at most; the rest is noise
            .ToDictionary(f => f.Key[Prefix.Length..], f => f.Value[0]!, StringComparer.Ordinal);

    /// <summary>Field id of an item's group (its fieldset).</summary>
    public static string FieldId(string itemId) => "item-" + itemId;

    /// <summary>Id of one answer's radio button.</summary>
    public static string OptionId(string itemId, string code) => FieldId(itemId) + "-" + code;

    /// <summary>
    /// Where the error summary's link for an item leads: its first answer, so following the link puts the person
    /// on a radio button they can choose with the arrow keys (GOV.UK's pattern for radios).
    /// </summary>
    public static string FirstInputId(Instrument instrument, string itemId) =>
        instrument.ItemById(itemId) is { } item ? OptionId(item.Id, instrument.OptionsOf(item)[0].Code) : itemId;

    /// <summary>
    /// Errors by item id, already in the person's language and naming the question by its number: eight "Please
    /// answer this question." in a summary did not say which eight.
    /// </summary>
    public static Dictionary<string, string[]> Errors(ScoredResponse scored, IStringLocalizer T)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var id in scored.Missing) errors[id] = [T["Answer question {0}.", id].Value];
        foreach (var id in scored.Unknown)
        {
            if (scored.Instrument.ItemById(id) is null) errors["form"] = [T["That answer is not one of the choices."].Value];
            else errors[id] = [T["Question {0}: that answer is not one of the choices.", id].Value];
        }
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
