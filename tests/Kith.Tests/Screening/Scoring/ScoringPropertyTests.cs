using FsCheck;
using FsCheck.Fluent;
using Kith.Screening.Instruments;
using Kith.Screening.Scoring;

namespace Kith.Tests.Screening.Scoring;

/// <summary>
/// Properties that hold for every instrument in the library (a new file is covered without a new test):
/// bounds, bands, monotonicity, reversal, incompleteness, critical answers, and no input that makes scoring throw.
/// Responses are generated the way a form is filled in: top to bottom, answering only what is asked.
/// </summary>
public sealed class ScoringPropertyTests
{
    private static readonly InstrumentLibrary Library = InstrumentLibrary.Embedded();
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    public static TheoryData<string> Instruments => new(Library.All.Select(i => i.Id));

    private static Gen<Dictionary<string, string>> Complete(Instrument instrument) =>
        Gen.Choose(0, int.MaxValue).Select(seed => Fill(instrument, new Random(seed), new Dictionary<string, string>()));

    /// <summary>Answers every asked required item (and some optional ones) in form order, keeping earlier answers.</summary>
    private static Dictionary<string, string> Fill(Instrument instrument, Random random, Dictionary<string, string> answers)
    {
        foreach (var item in instrument.Items)
        {
            if (!InstrumentScoring.IsAsked(instrument, item, answers)) { answers.Remove(item.Id); continue; }
            if (answers.ContainsKey(item.Id) || (!item.Required && random.Next(2) == 0)) continue;
            var options = instrument.OptionsOf(item);
            answers[item.Id] = options[random.Next(options.Count)].Code;
        }
        return answers;
    }

    private static int RawWeight(Instrument instrument, Item item, string code) => instrument.OptionsOf(item).First(o => o.Code == code).Weight;

    /// <summary>The primary score recomputed from the definition alone, as a clinician would with the manual.</summary>
    private static decimal Expected(Instrument instrument, IReadOnlyDictionary<string, string> answers)
    {
        var rule = instrument.Primary;
        var ids = rule.Items.Count > 0 ? rule.Items : instrument.Items.Where(i => i.Scored).Select(i => i.Id).ToList();
        var counted = new List<int>();
        foreach (var item in ids.Select(id => instrument.ItemById(id)!))
        {
            if (!InstrumentScoring.IsAsked(instrument, item, answers))
            {
                if (item.WeightWhenSkipped is { } skipped) counted.Add(skipped);
                continue;
            }
            if (!answers.TryGetValue(item.Id, out var code)) continue;
            var weights = instrument.OptionsOf(item).Select(o => o.Weight).ToList();
            var w = RawWeight(instrument, item, code);
            counted.Add(item.Reversed ? weights.Min() + weights.Max() - w : w);
        }
        decimal value = rule.Method switch
        {
            ScoreMethod.Sum => counted.Sum(),
            ScoreMethod.Mean => Math.Round((decimal)counted.Sum() / counted.Count, rule.Decimals, MidpointRounding.AwayFromZero),
            _ => counted.DefaultIfEmpty(0).Max(),
        };
        return value * rule.Multiplier;
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void A_complete_response_scores_within_bounds_in_the_right_band_as_the_manual_says(string id)
    {
        var instrument = Library.Find(id)!;
        Prop.ForAll(Complete(instrument).ToArbitrary(), answers =>
        {
            var scored = InstrumentScoring.Score(instrument, answers);
            if (!scored.Complete || scored.Scores.Count != instrument.Scores.Count) return false;
            if (scored.Scores.Any(s => s.Value < s.Rule.Min || s.Value > s.Rule.Max)) return false;
            var primary = scored.Primary!.Value;
            var index = instrument.Bands.FindIndex(b => b.Code == scored.Band?.Code);
            var next = index + 1 < instrument.Bands.Count ? instrument.Bands[index + 1].From : decimal.MaxValue;
            return index >= 0 && instrument.Bands[index].From <= primary && primary < next
                   && primary == Expected(instrument, answers);
        }).Check(Config);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Raising_one_answer_moves_the_score_only_the_way_the_item_points(string id)
    {
        var instrument = Library.Find(id)!;
        var rule = instrument.Primary;
        var counted = (rule.Items.Count > 0 ? rule.Items : instrument.Items.Where(i => i.Scored).Select(i => i.Id)).ToHashSet();
        var gen = Gen.Choose(0, int.MaxValue).Select(seed => (Seed: seed, Answers: Fill(instrument, new Random(seed), [])));
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.Seed ^ 0x5eed);
            var candidates = instrument.Items.Where(i => counted.Contains(i.Id) && t.Answers.ContainsKey(i.Id)).ToList();
            if (candidates.Count == 0) return true;
            var item = candidates[random.Next(candidates.Count)];
            var before = InstrumentScoring.Score(instrument, t.Answers).Primary!.Value;
            var current = RawWeight(instrument, item, t.Answers[item.Id]);
            var higher = instrument.OptionsOf(item).Where(o => o.Weight > current).ToList();
            if (higher.Count == 0) return true;
            var raised = new Dictionary<string, string>(t.Answers) { [item.Id] = higher[random.Next(higher.Count)].Code };
            // Questions the raise newly opens are answered at their lowest; questions it closes are dropped.
            foreach (var next in instrument.Items)
                if (InstrumentScoring.IsAsked(instrument, next, raised) && !raised.ContainsKey(next.Id) && next.Required)
                    raised[next.Id] = instrument.OptionsOf(next).MinBy(o => o.Weight)!.Code;
            Fill(instrument, random, raised);
            var after = InstrumentScoring.Score(instrument, raised);
            if (!after.Complete) return false;
            return item.Reversed ? after.Primary <= before : after.Primary >= before;
        }).Check(Config);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void A_reversed_item_counts_from_the_other_end(string id)
    {
        var instrument = Library.Find(id)!;
        Prop.ForAll(Complete(instrument).ToArbitrary(), answers =>
        {
            var scored = InstrumentScoring.Score(instrument, answers);
            return instrument.Items.Where(i => i.Reversed && answers.ContainsKey(i.Id)).All(item =>
            {
                var weights = instrument.OptionsOf(item).Select(o => o.Weight).ToList();
                return scored.Weights[item.Id] == weights.Min() + weights.Max() - RawWeight(instrument, item, answers[item.Id]);
            });
        }).Check(Config);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Leaving_out_any_asked_required_answer_leaves_no_score(string id)
    {
        var instrument = Library.Find(id)!;
        var gen = Gen.Choose(0, int.MaxValue).Select(seed => (Seed: seed, Answers: Fill(instrument, new Random(seed), [])));
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var required = instrument.Items.Where(i => i.Required && t.Answers.ContainsKey(i.Id)).ToList();
            var dropped = required[new Random(t.Seed).Next(required.Count)];
            var partial = t.Answers.Where(a => a.Key != dropped.Id).ToDictionary();
            var scored = InstrumentScoring.Score(instrument, partial);
            return !scored.Complete && scored.Primary is null && scored.Band is null && scored.Scores.Count == 0
                   && scored.Flags.All(f => f.When.Item is not null)
                   && scored.Missing.Contains(dropped.Id);
        }).Check(Config);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void A_critical_answer_is_read_whether_or_not_the_response_is_complete(string id)
    {
        var instrument = Library.Find(id)!;
        // Any subset of a complete response: a form abandoned half-way, or a partner sending only some items.
        var gen = Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            return Fill(instrument, random, []).Where(_ => random.Next(3) > 0).ToDictionary();
        });
        Prop.ForAll(gen.ToArbitrary(), answers =>
        {
            var scored = InstrumentScoring.Score(instrument, answers);
            foreach (var rule in instrument.Critical)
            {
                var item = instrument.ItemById(rule.When.Item!)!;
                var holds = InstrumentScoring.IsAsked(instrument, item, answers) && answers.TryGetValue(item.Id, out var code)
                    && RawWeight(instrument, item, code) is var w
                    && (rule.When.Min is null || w >= rule.When.Min) && (rule.When.Max is null || w <= rule.When.Max);
                if (holds != scored.Critical.Contains(rule)) return false;
            }
            return scored.Safety == (scored.Critical.Count == 0 ? null : scored.Critical.Max(c => c.Action));
        }).Check(Config);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Scoring_never_throws_and_names_what_it_does_not_know(string id)
    {
        var instrument = Library.Find(id)!;
        var ids = instrument.Items.Select(i => i.Id).ToArray();
        var codes = instrument.AnswerSets.Values.SelectMany(s => s.Select(o => o.Code)).Distinct().ToArray();
        var anything = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");
        var key = Gen.Frequency((4, Gen.Elements(ids)), (1, anything));
        var value = Gen.Frequency((4, Gen.Elements(codes)), (1, anything));
        var gen = key.Zip(value).ArrayOf().Select(pairs => pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2));
        Prop.ForAll(gen.ToArbitrary(), answers =>
        {
            var scored = InstrumentScoring.Score(instrument, answers);
            var unknown = answers.Where(a => instrument.ItemById(a.Key) is not { } item || instrument.OptionsOf(item).All(o => o.Code != a.Value)).Select(a => a.Key);
            return unknown.Order().SequenceEqual(scored.Unknown.Order()) && (scored.Unknown.Count == 0 || !scored.Complete);
        }).Check(Config);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Every_text_is_in_English_Spanish_and_Somali_with_its_source(string id)
    {
        var instrument = Library.Find(id)!;
        string[] languages = ["en", "es", "so"];
        foreach (var language in languages)
        {
            Assert.True(instrument.Translations.ContainsKey(language), $"{id}: no '{language}' translation entry");
            Assert.False(string.IsNullOrWhiteSpace(instrument.Translations[language].Source), $"{id}: '{language}' has no source");
        }
        Assert.True(instrument.Translations["en"].Validated, $"{id}: English is the original");
        var texts = new List<(string Where, LocalText Text)> { ("title", instrument.Title), ("purpose", instrument.Purpose) };
        if (instrument.Stem is not null) texts.Add(("stem", instrument.Stem));
        texts.AddRange(instrument.Items.Select(i => ($"item {i.Id}", i.Text)));
        texts.AddRange(instrument.Items.Where(i => i.Hint is not null).Select(i => ($"hint {i.Id}", i.Hint!)));
        texts.AddRange(instrument.AnswerSets.SelectMany(s => s.Value.Select(o => ($"answer {s.Key}/{o.Code}", o.Text))));
        texts.AddRange(instrument.Scores.Select(s => ($"score {s.Id}", s.Title)));
        texts.AddRange(instrument.Bands.SelectMany(b => new[] { ($"band {b.Code}", b.Title), ($"band {b.Code} meaning", b.Meaning) }));
        texts.AddRange(instrument.Flags.Select(f => ($"flag {f.Code}", f.Title)));
        texts.AddRange(instrument.Critical.Select(c => ($"critical {c.Code}", c.Title)));
        foreach (var (where, text) in texts)
            foreach (var language in languages)
                Assert.True(text.Has(language), $"{id}: {where} has no '{language}' text");
    }
}
