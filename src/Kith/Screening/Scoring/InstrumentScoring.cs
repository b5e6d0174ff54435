using Kith.Screening.Instruments;

namespace Kith.Screening.Scoring;

/// <summary>
/// Scores one response exactly as the instrument's authors do. A response missing a required item that is
/// asked is <em>incomplete</em> and gets no score, band or score-based flag — never a silent guess — but its
/// critical answers are always read, so a half-finished form with "nearly every day" on PHQ-9 item 9 still
/// shows crisis options and reaches a person.
/// </summary>
internal static class InstrumentScoring
{
    /// <param name="answers">Answer code by item id, as the form or FHIR sent them.</param>
    public static ScoredResponse Score(Instrument instrument, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);

        var unknown = new List<string>();
        foreach (var (itemId, code) in answers)
        {
            var item = instrument.ItemById(itemId);
            if (item is null || instrument.OptionsOf(item).All(o => o.Code != code)) unknown.Add(itemId);
        }

        // Weights of the answers we can use, after skip logic and reversal; skipped items that the authors
        // score anyway (K10) get their fixed weight.
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        var ignored = new List<string>();
        foreach (var item in instrument.Items)
        {
            var asked = IsAsked(instrument, item, answers);
            var answered = answers.TryGetValue(item.Id, out var code) && !unknown.Contains(item.Id);
            if (!asked)
            {
                if (answered) ignored.Add(item.Id);
                if (item.WeightWhenSkipped is { } fixedWeight) weights[item.Id] = fixedWeight;
                continue;
            }
            if (!answered)
            {
                if (item.Required && !unknown.Contains(item.Id)) missing.Add(item.Id);
                continue;
            }
            weights[item.Id] = WeightOf(instrument, item, code!);
        }

        var complete = missing.Count == 0 && unknown.Count == 0;
        var scores = new List<ScoreValue>();
        if (complete)
            foreach (var rule in instrument.Scores)
                scores.Add(new ScoreValue(rule, Compute(instrument, rule, weights)));

        var primary = scores.Count > 0 ? scores[0].Value : (decimal?)null;
        var band = primary is { } p ? instrument.Bands.LastOrDefault(b => b.From <= p) : null;
        var flags = instrument.Flags.Where(f => Holds(f.When, weights, scores)).ToList();
        var critical = instrument.Critical.Where(c => Holds(c.When, weights, scores)).ToList();
        SafetyAction? safety = critical.Count == 0 ? null : critical.Max(c => c.Action);
        return new ScoredResponse(instrument, complete, missing, unknown, ignored, scores, band, flags, critical, safety, weights);
    }

    /// <summary>Whether the item is asked, given the answers so far (every enableWhen must hold).</summary>
    public static bool IsAsked(Instrument instrument, Item item, IReadOnlyDictionary<string, string> answers)
    {
        foreach (var condition in item.EnableWhen)
        {
            var source = instrument.ItemById(condition.Item)!;
            // A question that is itself skipped cannot enable anything.
            if (!IsAsked(instrument, source, answers)) return false;
            if (!answers.TryGetValue(condition.Item, out var given)) return false;
            if ((given == condition.Answer) == condition.Not) return false;
        }
        return true;
    }

    public static int WeightOf(Instrument instrument, Item item, string code)
    {
        var options = instrument.OptionsOf(item);
        var weight = options.First(o => o.Code == code).Weight;
        return item.Reversed ? options.Min(o => o.Weight) + options.Max(o => o.Weight) - weight : weight;
    }

    private static decimal Compute(Instrument instrument, ScoreRule rule, Dictionary<string, int> weights)
    {
        var counted = (rule.Items.Count > 0 ? rule.Items : instrument.Items.Where(i => i.Scored).Select(i => i.Id))
            .Select(id => weights.TryGetValue(id, out var w) ? w : (int?)null)
            .ToList();
        decimal value = rule.Method switch
        {
            ScoreMethod.Sum => counted.Sum(w => w ?? 0),
            ScoreMethod.Mean => Math.Round((decimal)counted.Sum(w => w ?? 0) / counted.Count(w => w is not null), rule.Decimals, MidpointRounding.AwayFromZero),
            // Items not asked (C-SSRS 3–5 after "no" to 2) endorse nothing.
            ScoreMethod.Highest => counted.Max(w => w ?? 0),
            _ => throw new InvalidOperationException($"Unknown method {rule.Method}."),
        };
        return value * rule.Multiplier;
    }

    private static bool Holds(Condition when, Dictionary<string, int> weights, List<ScoreValue> scores)
    {
        decimal value;
        if (when.Item is not null)
        {
            if (!weights.TryGetValue(when.Item, out var w)) return false;
            value = w;
        }
        else
        {
            // Score conditions need a complete response; critical rules are therefore written on items.
            var score = when.Score is null ? scores.FirstOrDefault() : scores.FirstOrDefault(s => s.Rule.Id == when.Score);
            if (score is null) return false;
            value = score.Value;
        }
        return (when.Min is null || value >= when.Min) && (when.Max is null || value <= when.Max);
    }
}

public sealed record ScoreValue(ScoreRule Rule, decimal Value);

/// <summary>What scoring found. <see cref="Critical"/> and <see cref="Safety"/> are filled even when incomplete.</summary>
public sealed record ScoredResponse(
    Instrument Instrument,
    bool Complete,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> Ignored,
    IReadOnlyList<ScoreValue> Scores,
    Band? Band,
    IReadOnlyList<Flag> Flags,
    IReadOnlyList<CriticalRule> Critical,
    SafetyAction? Safety,
    IReadOnlyDictionary<string, int> Weights)
{
    public decimal? Primary => Scores.Count > 0 ? Scores[0].Value : null;
    /// <summary>The rule that produced the primary score, in words.</summary>
    public string Rule => Instrument.Primary.Description;
    public bool NeedsCrisisOptions => Safety is not null;
}
