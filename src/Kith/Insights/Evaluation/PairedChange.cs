namespace Kith.Insights.Evaluation;

/// <summary>
/// The change in paired before/after scores of one set of people: mean before, mean after, the mean of the
/// differences with its 95% confidence interval (paired t: d̄ ± t(0.975, n−1)·s/√n), and how many improved by at
/// least <see cref="MeaningfulChange"/> points.
/// </summary>
internal sealed record PairedChange(int Pairs, double MeanBefore, double MeanAfter, double MeanChange, double? Low, double? High, int Improved)
{
    /// <summary>
    /// WHO-5 percentage points that count as a meaningful change: "a 10% difference has been shown to indicate a clinically
    /// significant change" — Topp, Østergaard, Søndergaard &amp; Bech, "The WHO-5 Well-Being Index: a systematic review of
    /// the literature", Psychotherapy and Psychosomatics 84(3):167–176, 2015 (doi:10.1159/000376585).
    /// </summary>
    public const int MeaningfulChange = 10;

    public const double Confidence = 0.95;

    public static PairedChange Of(IReadOnlyCollection<(int Before, int After)> pairs)
    {
        var n = pairs.Count;
        if (n == 0) return new PairedChange(0, double.NaN, double.NaN, double.NaN, null, null, 0);
        var differences = pairs.Select(p => (double)(p.After - p.Before)).ToList();
        var mean = differences.Average();
        var improved = differences.Count(d => d >= MeaningfulChange);
        var (before, after) = (pairs.Average(p => (double)p.Before), pairs.Average(p => (double)p.After));
        if (n < 2) return new PairedChange(n, before, after, mean, null, null, improved); // one pair has no spread to estimate
        var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (n - 1));
        var half = StudentT.Quantile(1 - (1 - Confidence) / 2, n - 1) * sd / Math.Sqrt(n);
        return new PairedChange(n, before, after, mean, mean - half, mean + half, improved);
    }
}
