using System.Globalization;

namespace Kith.Insights.Dashboard;

/// <summary>
/// The geometry of a time-series chart drawn on the server as SVG (no script, CSS classes only): one line per series,
/// broken where a count is hidden, the expected band (expected value to upper bound) of the first series, and its alarms
/// marked. The table beside the chart carries the same numbers for screen readers and print.
/// </summary>
internal sealed class TimeChart
{
    public const double Width = 640, Height = 260, Left = 44, Right = 12, Top = 12, Bottom = 36;

    public sealed record Line(int Series, IReadOnlyList<string> Segments);
    public sealed record Mark(double X, double Y, string Title);
    public sealed record Tick(double Position, string Label);

    public IReadOnlyList<Line> Lines { get; }
    public IReadOnlyList<string> Band { get; }
    public IReadOnlyList<Mark> Alarms { get; }
    public IReadOnlyList<Tick> YTicks { get; }
    public IReadOnlyList<Tick> XTicks { get; }

    public TimeChart(IReadOnlyList<DateOnly> periods, IReadOnlyList<IReadOnlyList<ChartRow>> series, Func<DateOnly, string> periodLabel)
    {
        var n = Math.Max(1, periods.Count);
        var max = series.SelectMany(s => s).SelectMany(r => new[] { r.Count, r.UpperBound }).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var top = NiceCeiling(Math.Max(max, 1));
        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        double X(DateOnly p) => Left + (n == 1 ? 0.5 : (double)index[p] / (n - 1)) * (Width - Left - Right);
        double Y(double v) => Top + (1 - v / top) * (Height - Top - Bottom);
        string P(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");

        Lines = [.. series.Select((rows, s) =>
        {
            var segments = new List<string>();
            var current = new List<string>();
            foreach (var r in rows.Where(r => index.ContainsKey(r.Period)))
            {
                if (r.Count is { } c) current.Add(P(X(r.Period), Y(c)));
                else if (current.Count > 0) { segments.Add(string.Join(' ', current)); current = []; }
            }
            if (current.Count > 0) segments.Add(string.Join(' ', current));
            return new Line(s, segments);
        })];
        var first = series.Count > 0 ? series[0] : [];
        // The band: runs of consecutive periods with both an expected value and an upper bound, each a closed polygon.
        var band = new List<string>();
        var run = new List<ChartRow>();
        void Close()
        {
            if (run.Count > 1)
                band.Add(string.Join(' ', run.Select(r => P(X(r.Period), Y(r.UpperBound!.Value)))
                    .Concat(run.AsEnumerable().Reverse().Select(r => P(X(r.Period), Y(Math.Max(0, r.Expected!.Value)))))));
            run = [];
        }
        foreach (var r in first.Where(r => index.ContainsKey(r.Period)))
        {
            if (r.Expected is not null && r.UpperBound is { } u && double.IsFinite(u)) run.Add(r); else Close();
        }
        Close();
        Band = band;
        Alarms = [.. first.Where(r => r.Alarm == true && r.Count is not null && index.ContainsKey(r.Period))
            .Select(r => new Mark(X(r.Period), Y(r.Count!.Value), periodLabel(r.Period)))];
        YTicks = [.. Enumerable.Range(0, 5).Select(i => top * i / 4).Select(v => new Tick(Y(v), v.ToString("0.##", CultureInfo.CurrentCulture)))];
        var every = Math.Max(1, (int)Math.Ceiling(n / 6.0));
        XTicks = [.. periods.Where((_, i) => i % every == 0).Select(p => new Tick(X(p), periodLabel(p)))];
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="value"/>: axis labels people can read.</summary>
    public static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
            if (step * power >= value) return step * power;
        return 10 * power;
    }

    /// <summary>A sparkline's points in a 120 × 28 box, broken where a count is hidden (null).</summary>
    public static IReadOnlyList<string> Sparkline(IReadOnlyList<int?> counts)
    {
        var max = Math.Max(1, counts.Max(c => c ?? 0));
        var segments = new List<string>();
        var current = new List<string>();
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] is { } c)
                current.Add(string.Create(CultureInfo.InvariantCulture, $"{2 + i * 116.0 / Math.Max(1, counts.Count - 1):0.#},{26 - c * 24.0 / max:0.#}"));
            else if (current.Count > 0) { segments.Add(string.Join(' ', current)); current = []; }
        }
        if (current.Count > 0) segments.Add(string.Join(' ', current));
        return segments;
    }
}
