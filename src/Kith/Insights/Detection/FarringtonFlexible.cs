using MathNet.Numerics.Distributions;

namespace Kith.Insights.Detection;

/// <summary>
/// The improved Farrington method (Noufaily et al. 2013) as R surveillance's <c>farringtonFlexible</c> defines it,
/// checked against R at test time (DetectionAgainstRTests). Its differences from <see cref="Farrington"/>: the
/// reference weeks are the 2w + 1 around the same week of each of the b years (by default 5) and, with noPeriods &gt; 1,
/// every week in between, split into noPeriods − 1 blocks that get their own factor level; the current week and the
/// pastWeeksNotIncluded (default w) before it are left out, and so are weeks with no count; outbreaks are down-weighted
/// above weightsThreshold (2.58); the trend test's level is pThresholdTrend; an optional offset log(population); a
/// one-sided z = qnorm(1 − α); and two more bounds ("nbPlugin", "muan"): the (1 − α) quantile of a negative binomial
/// with mean exp(η₀) — or exp of η₀'s own (1 − α) quantile — and variance φμ (Poisson when φ = 1).
/// Quirks kept, as in R: the model's <c>weights</c> are replaced by the down-weighting weights, so the trend test and
/// the prediction's standard error use Σ ω r²/(n − p) with working residuals r (Pearson's dispersion without
/// reweighting), while the bound uses φ = max(Pearson's dispersion, 1); nbPlugin and muan score the count against the
/// link-scale η₀; fewer than limit54 cases gives no bound (NA) and no alarm, and a count of 0 never alarms; a model that
/// converges neither with nor without the trend gives NA with an expected value of 0; a dated series counts its trend
/// from the first reference week that has a count.
/// </summary>
internal static class FarringtonFlexible
{
    public static DetectionPoint Point(CountSeries series, int t, FarringtonOptions o)
    {
        var (counts, dates) = (series.Counts, series.Dates);
        var blocks = Blocks(series, t, o);
        for (var i = Math.Max(0, t - o.WeeksLeftOut); i <= t; i++) blocks[i] = double.NaN;
        var inBlocks = Enumerable.Range(0, counts.Count).Where(i => !double.IsNaN(blocks[i])).ToList();
        // R's factor levels: the block numbers of the weeks in blocks (before those without a count are dropped), in
        // numeric order, with treatment contrasts against the first.
        var levels = inBlocks.Select(i => blocks[i]).Distinct().Order().ToList();
        var origin = inBlocks[0];
        var used = inBlocks.Where(i => !double.IsNaN(counts[i])).ToList();
        var y = used.Select(i => counts[i]).ToArray();
        double Time(int i, int from) => o.EpochAsDate ? (dates[i].DayNumber - dates[from].DayNumber) / 7.0 : i + 1;
        double[] Row(bool trend, double time, double block)
        {
            var row = new List<double> { 1 };
            if (trend) row.Add(time);
            if (o.NoPeriods != 1) row.AddRange(levels.Skip(1).Select(l => l == block ? 1.0 : 0));
            return row.ToArray();
        }
        double[][] Design(bool trend) => used.Select(i => Row(trend, Time(i, origin), blocks[i])).ToArray();
        var offset = o.PopulationOffset ? used.Select(i => Math.Log(series.Population![i])).ToArray() : null;
        var offsetNow = o.PopulationOffset ? Math.Log(series.Population![t]) : 0;
        // The prediction's time counts from the first reference week left after the missing counts.
        double[] Now(bool trend) => Row(trend, used.Count > 0 ? Time(t, used[0]) : double.NaN, o.NoPeriods);

        var x = counts[t];
        var fit = FarringtonModel.Fit(Design, y, offset, o.Trend, o.Reweight, o.WeightsThreshold, giveUpUnconverged: true);
        if (fit is null) return new DetectionPoint(dates[t], x, 0, null, null);
        if (fit.HasTrend)
        {
            var dispersion = SummaryDispersion(fit);
            var significant = fit.Model.PValue(1, dispersion) < o.PThresholdTrend;
            var extrapolates = fit.Model.PredictResponse(Now(true), offsetNow, dispersion).Fit > y.Max();
            if (!(o.Years >= 3 && significant && !extrapolates))
                fit = FarringtonModel.Fit(Design, y, offset, false, o.Reweight, o.WeightsThreshold, true)
                    ?? throw new DetectionException($"farringtonFlexible: at {dates[t]:yyyy-MM-dd} the model without trend does not converge (R stops there).");
        }
        var now = Now(fit.HasTrend);
        double predicted, upper;
        if (o.ThresholdMethod == "delta")
        {
            (predicted, var se) = fit.Model.PredictResponse(now, offsetNow, SummaryDispersion(fit));
            upper = FarringtonModel.PowerBound(predicted, se, fit.Phi, o.PowerTrans, FarringtonModel.Z(1 - o.Alpha));
        }
        else
        {
            (predicted, var se) = fit.Model.PredictLink(now, offsetNow, SummaryDispersion(fit));
            upper = Quantile(o.ThresholdMethod == "nbPlugin" ? Math.Exp(predicted) : Math.Exp(predicted + se * FarringtonModel.Z(1 - o.Alpha)), fit.Phi, 1 - o.Alpha);
        }
        var enough = FarringtonModel.EnoughCases(counts, t, o.Limit54Cases, o.Limit54Weeks) == true;
        var score = (x - predicted) / (upper - predicted); // for nbPlugin and muan against η₀, as in R
        var known = !double.IsNaN(upper);
        return new DetectionPoint(dates[t], x,
            known && enough ? (o.ThresholdMethod == "delta" ? predicted : Math.Exp(predicted)) : null,
            known && enough ? upper : null,
            enough && !double.IsNaN(score) && score > 1 && x != 0);
    }

    /// <summary>summary.glm's dispersion for R's fitted object: with reweighting its weights are the down-weighting ones.</summary>
    private static double SummaryDispersion(FarringtonFit fit) =>
        fit.PriorWeights is { } omega ? fit.Model.DispersionWith(omega) : fit.Model.Dispersion;

    /// <summary>
    /// R's blocks: noPeriods on the current week's window (t − w … t) and on each reference window; with noPeriods &gt; 1
    /// the weeks between two windows split into noPeriods − 1 blocks numbered 1, 2, … (the first ones a week longer
    /// when they do not divide evenly). NaN marks a week outside the model.
    /// </summary>
    private static double[] Blocks(CountSeries series, int t, FarringtonOptions o)
    {
        var n = series.Counts.Count;
        var blocks = Enumerable.Repeat(double.NaN, n).ToArray();
        void Set(int from, int to, double value)
        {
            // R's from:to counts down when to < from.
            for (var i = from; ; i += to >= from ? 1 : -1)
            {
                if (i >= 0 && i < n) blocks[i] = value;
                if (i == to) break;
            }
        }
        var p = o.NoPeriods;
        Set(t - o.W, t, p);
        var centres = new List<int> { t };
        for (var year = 1; year <= o.Years; year++)
            centres.Add(Farrington.YearsBack(series, t, year, o.EpochAsDate) ?? throw new DetectionException("Some reference time points did not exist; decrease 'b' or postpone the first monitored week."));
        for (var i = 1; i <= o.Years; i++)
        {
            var week = centres[i];
            Set(week - o.W, week + o.W, p);
            if (p == 1) continue;
            var period = centres[i - 1] - 2 * o.W - 1 - week;
            if (period < p - (2 * o.W + 1)) throw new DetectionException("Number of factors too big! (noPeriods leaves blocks shorter than the weeks between the windows.)");
            var length = (int)Math.Floor(period / (double)(p - 1));
            var rest = period - length * (p - 1);
            var start = week + o.W + 1;
            for (var j = 1; j < p; j++)
            {
                var size = length + (j <= rest ? 1 : 0);
                Set(start, start + size - 1, j);
                start += size;
            }
        }
        return blocks;
    }

    /// <summary>
    /// The (1 − α) quantile R's noufaily threshold takes: negative binomial with size μ/(φ − 1) and probability 1/φ when
    /// φ &gt; 1, else Poisson(μ); infinite μ gives NA. As R's qnbinom and qpois: the smallest count whose distribution
    /// function reaches p·(1 − 64ε) (their fuzz for left continuity).
    /// </summary>
    private static double Quantile(double mu, double phi, double p)
    {
        if (double.IsPositiveInfinity(mu)) return double.NaN;
        if (mu == 0) return 0;
        Func<double, double> cdf = phi > 1
            ? k => NegativeBinomial.CDF(mu / (phi - 1), 1 / phi, k)
            : k => Poisson.CDF(mu, k);
        var target = p * (1 - 64 * Math.Pow(2, -52));
        var variance = phi > 1 ? mu * phi : mu;
        var y = Math.Max(0, Math.Round(mu + Math.Sqrt(variance) * FarringtonModel.Z(p), MidpointRounding.ToEven));
        if (cdf(y) >= target)
            while (y > 0 && cdf(y - 1) >= target) y--;
        else
            while (cdf(y) < target) y++;
        return y;
    }
}
