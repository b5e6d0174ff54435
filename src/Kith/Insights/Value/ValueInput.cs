using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Kith.Insights.Value;

/// <summary>
/// The assumptions as typed in the form, checked before anything is written: amounts 0 or more, the effect and its
/// range from 0 to 100 with low ≤ effect ≤ high, a return per dollar only with its source, a link only to a web page.
/// Numbers are read as a browser sends them (a dot for decimals, whatever the page's language).
/// </summary>
internal sealed record ValueInput(
    string CostBasis, decimal Cost, string? CostNote, int Reach, string? ReachNote,
    decimal Effect, decimal EffectLow, decimal EffectHigh, string? EffectNote, decimal CostAverted, string? CostAvertedNote,
    decimal? ReturnPerDollar, string? ReturnSource, string? ReturnLink, string? ReturnNote)
{
    public const string PerParticipant = "per-participant", Total = "total";
    public const int NoteLength = 1000, SourceLength = 300, LinkLength = 500;
    private const decimal MostMoney = 1_000_000_000_000m;
    private const int MostPeople = 100_000_000;

    /// <summary>The input, or the problems by field name (texts are translation keys).</summary>
    public static (ValueInput? Input, Dictionary<string, string[]> Errors) Read(Func<string, string?> field)
    {
        var errors = new Dictionary<string, string[]>();
        var basis = field("costBasis");
        if (basis is not (PerParticipant or Total)) errors["costBasis"] = ["Choose whether the cost is per participant or for the whole programme."];
        var cost = Number(field("cost"));
        if (cost is not (>= 0 and <= MostMoney)) errors["cost"] = ["Enter the cost in dollars: a number from 0 to 1,000,000,000,000."];
        var reach = Number(field("reach"));
        if (reach is not (>= 0 and <= MostPeople) || reach % 1 != 0) errors["reach"] = ["Enter how many people were reached: a whole number from 0 to 100,000,000."];
        var (effect, low, high) = (Number(field("effect")), Number(field("effectLow")), Number(field("effectHigh")));
        if (effect is not (>= 0 and <= 100)) errors["effect"] = ["Enter the effect as a percentage from 0 to 100."];
        if (low is not (>= 0 and <= 100) || high is not (>= 0 and <= 100) || low > effect || high < effect)
            errors["effectRange"] = ["Enter a low and a high effect from 0 to 100: the low no higher than the effect, the high no lower."];
        var averted = Number(field("costAverted"));
        if (averted is not (>= 0 and <= MostMoney)) errors["costAverted"] = ["Enter the cost averted per case in dollars: a number from 0 to 1,000,000,000,000."];
        var ratioText = Text(field("returnPerDollar"));
        var ratio = Number(ratioText);
        if (ratioText is not null && ratio is not (>= 0 and <= 1000)) errors["returnPerDollar"] = ["Enter the return per dollar as a number from 0 to 1,000, or leave it empty."];
        var (source, link) = (Text(field("returnSource")), Text(field("returnLink")));
        if (ratioText is not null && source is null) errors["returnSource"] = ["A return per dollar needs its source: say who published it, where and when."];
        if (source?.Length > SourceLength) errors["returnSource"] = ["Keep the source under 300 characters."];
        if (link is not null && (link.Length > LinkLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            errors["returnLink"] = ["Give the source's link as a web address starting with https:// (or leave it empty)."];
        var notes = new[] { "costNote", "reachNote", "effectNote", "costAvertedNote", "returnNote" }.ToDictionary(n => n, n => Text(field(n)));
        foreach (var (name, note) in notes.Where(n => n.Value?.Length > NoteLength)) errors[name] = ["Keep each note under 1,000 characters."];
        if (errors.Count > 0) return (null, errors);
        return (new ValueInput(basis!, cost!.Value, notes["costNote"], (int)reach!.Value, notes["reachNote"], effect!.Value, low!.Value, high!.Value, notes["effectNote"],
            averted!.Value, notes["costAvertedNote"], ratio, source, link, notes["returnNote"]), errors);
    }

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static decimal? Number(string? value) =>
        decimal.TryParse(Text(value), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var number) ? number : null;

    public static Func<string, string?> From(IFormCollection form) => name => form.TryGetValue(name, out StringValues v) ? v.ToString() : null;
}
