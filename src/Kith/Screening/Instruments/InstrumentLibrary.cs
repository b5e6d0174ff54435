using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kith.Screening.Instruments;

/// <summary>
/// Every instrument Kith offers, read once from the JSON files embedded from <c>Library/</c> and checked
/// as it loads: a definition that could score wrongly (a band out of order, a skip rule naming an unknown
/// item, an answer set without weights) stops the app at start rather than misleading a clinician later.
/// </summary>
internal sealed class InstrumentLibrary
{
    private const string Prefix = "instruments/";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private readonly Dictionary<string, Instrument> byId;

    public InstrumentLibrary(IEnumerable<Instrument> instruments)
    {
        All = instruments.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        foreach (var instrument in All) Check(instrument);
        byId = All.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Instrument> All { get; }

    public Instrument? Find(string? id) => id is not null && byId.TryGetValue(id, out var i) ? i : null;

    /// <summary>The library shipped in the executable.</summary>
    public static InstrumentLibrary Embedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var instruments = new List<Instrument>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            try
            {
                instruments.Add(JsonSerializer.Deserialize<Instrument>(stream, Json)
                    ?? throw new InvalidOperationException("The file is empty."));
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"Instrument file '{name}' cannot be read: {e.Message}", e);
            }
        }
        return new InstrumentLibrary(instruments);
    }

    /// <summary>Refuses a definition that could not be scored as its authors intend.</summary>
    internal static void Check(Instrument i)
    {
        void Fail(string problem) => throw new InvalidOperationException($"Instrument '{i.Id}': {problem}");
        if (!i.Title.Has("en") || !i.Purpose.Has("en")) Fail("title and purpose need English text.");
        if (!i.Translations.ContainsKey("en")) Fail("the English text needs its source.");
        foreach (var language in i.Translations.Keys)
            if (!Platform.Localization.Cultures.IsSupported(language)) Fail($"translation '{language}' is not a supported language.");
        if (i.Items.Count == 0) Fail("no items.");
        if (i.Items.Select(x => x.Id).Distinct().Count() != i.Items.Count) Fail("two items share an id.");
        foreach (var (name, set) in i.AnswerSets)
        {
            if (set.Count < 2) Fail($"answer set '{name}' has fewer than two options.");
            if (set.Select(o => o.Code).Distinct().Count() != set.Count) Fail($"answer set '{name}' repeats a code.");
            foreach (var option in set)
                foreach (var language in i.Translations.Keys)
                    if (!option.Text.Has(language)) Fail($"answer '{name}/{option.Code}' has no '{language}' text.");
        }
        var seen = new HashSet<string>();
        foreach (var item in i.Items)
        {
            if (!i.AnswerSets.ContainsKey(item.Answers)) Fail($"item {item.Id} uses unknown answer set '{item.Answers}'.");
            foreach (var language in i.Translations.Keys)
                if (!item.Text.Has(language)) Fail($"item {item.Id} has no '{language}' text.");
            foreach (var when in item.EnableWhen)
            {
                // Skip logic may only look back: a form is answered top to bottom.
                if (!seen.Contains(when.Item)) Fail($"item {item.Id} depends on item {when.Item}, which does not come before it.");
                var source = i.Items.First(x => x.Id == when.Item);
                if (i.AnswerSets[source.Answers].All(o => o.Code != when.Answer)) Fail($"item {item.Id} depends on an answer '{when.Answer}' that item {when.Item} does not offer.");
            }
            if (item.WeightWhenSkipped is not null && item.EnableWhen.Count == 0) Fail($"item {item.Id} has a weight when skipped but is never skipped.");
            seen.Add(item.Id);
        }
        if (i.Scores.Count == 0) Fail("no scoring rule.");
        if (i.Scores.Select(s => s.Id).Distinct().Count() != i.Scores.Count) Fail("two scores share an id.");
        foreach (var rule in i.Scores)
        {
            foreach (var id in rule.Items)
                if (i.Items.All(x => x.Id != id)) Fail($"score '{rule.Id}' counts unknown item {id}.");
            if (rule.Min > rule.Max || rule.Multiplier < 1) Fail($"score '{rule.Id}' has an impossible range.");
            var counted = rule.Items.Count > 0 ? rule.Items.Select(id => i.Items.First(x => x.Id == id)) : i.Items.Where(x => x.Scored);
            // A mean over items that may all be left out would divide by nothing.
            if (rule.Method == ScoreMethod.Mean && !counted.Any(x => x.Required && x.EnableWhen.Count == 0)) Fail($"score '{rule.Id}' is a mean with no item always asked and required.");
        }
        if (i.Bands.Count == 0) Fail("no bands.");
        for (var b = 1; b < i.Bands.Count; b++)
            if (i.Bands[b].From <= i.Bands[b - 1].From) Fail("bands must be in ascending order.");
        if (i.Bands[0].From != i.Primary.Min) Fail("the first band must start at the lowest possible score.");
        if (i.Bands[^1].From > i.Primary.Max) Fail("the last band starts above the highest possible score.");
        foreach (var c in i.Flags.Select(f => f.When).Concat(i.Critical.Select(c => c.When)))
        {
            if (c.Item is not null && c.Score is not null) Fail("a condition reads an item or a score, not both.");
            if (c.Item is not null && i.Items.All(x => x.Id != c.Item)) Fail($"a condition reads unknown item {c.Item}.");
            if (c.Score is not null && i.Scores.All(s => s.Id != c.Score)) Fail($"a condition reads unknown score '{c.Score}'.");
            if (c.Min is null && c.Max is null) Fail("a condition needs a minimum or a maximum.");
        }
        // Critical rules must not wait for a complete response (a score is only computed when complete).
        foreach (var rule in i.Critical)
            if (rule.When.Item is null) Fail($"critical rule '{rule.Code}' must read an item, not a score.");
    }
}
