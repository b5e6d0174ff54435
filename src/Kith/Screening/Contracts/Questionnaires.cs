using Kith.Screening.Instruments;
using Kith.Screening.Scoring;

namespace Kith.Screening.Contracts;

/// <summary>One question of a library instrument, in the reader's language, with its answers (code and words).</summary>
public sealed record QuestionnaireItem(string Id, string Text, IReadOnlyList<(string Code, string Text)> Answers);

/// <summary>A library instrument as another module shows it: name, stem, items.</summary>
public sealed record QuestionnaireForm(string Id, string Name, string Title, string? Stem, IReadOnlyList<QuestionnaireItem> Items);

/// <summary>
/// A complete response scored as the instrument's authors do: the primary score, its band (code, title and what it means,
/// in the reader's language), and the instrument's range, so a caller can say "48 of 100". None for an incomplete response.
/// </summary>
internal sealed record QuestionnaireScore(decimal Primary, decimal? Secondary, string Band, string BandTitle, string BandMeaning);

/// <summary>
/// The screening library for other modules (a helper's monthly WHO-5, a group's before-and-after): the same definitions
/// and the same scoring as self-checks and campaigns, so an instrument is never re-typed or re-scored elsewhere.
/// </summary>
internal interface IQuestionnaires
{
    QuestionnaireForm? Form(string instrumentId, string language);
    QuestionnaireScore? Score(string instrumentId, IReadOnlyDictionary<string, string> answers, string language);
}

internal sealed class QuestionnairesFromLibrary(InstrumentLibrary library) : IQuestionnaires
{
    public QuestionnaireForm? Form(string instrumentId, string language) => library.Find(instrumentId) is not { } i ? null :
        new(i.Id, i.Name, i.Title.In(language), i.Stem?.In(language),
            [.. i.Items.Select(item => new QuestionnaireItem(item.Id, item.Text.In(language), [.. i.OptionsOf(item).Select(o => (o.Code, o.Text.In(language)))]))]);

    public QuestionnaireScore? Score(string instrumentId, IReadOnlyDictionary<string, string> answers, string language)
    {
        if (library.Find(instrumentId) is not { } instrument) return null;
        var scored = InstrumentScoring.Score(instrument, answers);
        if (!scored.Complete || scored.Primary is not { } primary || scored.Band is not { } band) return null;
        return new(primary, scored.Scores.Count > 1 ? scored.Scores[1].Value : null, band.Code, band.Title.In(language), band.Meaning.In(language));
    }
}
