using System.Globalization;

namespace Kith.Insights.Campaigns;

/// <summary>
/// A horizontal bar per campaign group, its length the share in the band (0 to 100 %), drawn on the server as SVG with
/// CSS classes only (the CSP forbids inline styles). Decoration: the table beside it is the truth, and a row whose share
/// is not published gets a word, not a bar.
/// </summary>
internal sealed class ShareBars
{
    public const double Width = 640, Label = 260, Right = 56, RowHeight = 24, Top = 8;

    public sealed record Bar(double Y, double Length, string Label, string Value);

    public IReadOnlyList<Bar> Bars { get; }
    public double Height { get; }

    /// <param name="rows">Each row's label, its share (null when not shown) and what to write when there is no bar.</param>
    public ShareBars(IReadOnlyList<(string Label, decimal? Share, string Missing)> rows)
    {
        Bars = [.. rows.Select((r, i) => new Bar(Top + i * RowHeight, r.Share is { } s ? (double)s / 100 * (Width - Label - Right) : 0, r.Label,
            r.Share is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) + " %" : r.Missing))];
        Height = Top * 2 + rows.Count * RowHeight;
    }

    public static string Num(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
