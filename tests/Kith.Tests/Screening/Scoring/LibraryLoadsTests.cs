using Kith.Screening.Instruments;
using Kith.Screening.Scoring;

namespace Kith.Tests.Screening.Scoring;

/// <summary>The embedded library loads and passes its own checks; the checks refuse a broken definition.</summary>
public sealed class LibraryLoadsTests
{
    private static readonly InstrumentLibrary Library = InstrumentLibrary.Embedded();

    [Fact]
    public void Every_instrument_file_loads_and_passes_the_checks()
    {
        Assert.NotEmpty(Library.All);
        Assert.NotNull(Library.Find("phq-9"));
        Assert.NotNull(Library.Find("PHQ-9")); // ids are case-insensitive in URLs
    }

    [Fact]
    public void An_incomplete_response_has_no_score_but_its_critical_answer_still_counts()
    {
        var phq9 = Library.Find("phq-9")!;
        var scored = InstrumentScoring.Score(phq9, new Dictionary<string, string> { ["9"] = "3" });
        Assert.False(scored.Complete);
        Assert.Null(scored.Primary);
        Assert.Null(scored.Band);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], scored.Missing);
        Assert.Equal(SafetyAction.Urgent, scored.Safety);
    }

    [Fact]
    public void A_band_out_of_order_stops_the_library()
    {
        var phq9 = Library.Find("phq-9")!;
        var broken = new Instrument
        {
            Id = "broken", Name = "Broken", Version = "1", Audience = "adults", Period = "now", ScoringSource = "test",
            Title = phq9.Title, Purpose = phq9.Purpose, Translations = phq9.Translations, AnswerSets = phq9.AnswerSets,
            Items = phq9.Items, Scores = phq9.Scores, Bands = [phq9.Bands[0], phq9.Bands[2], phq9.Bands[1]],
        };
        var e = Assert.Throws<InvalidOperationException>(() => new InstrumentLibrary([broken]));
        Assert.Contains("ascending", e.Message);
    }
}
