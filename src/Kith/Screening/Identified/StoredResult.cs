using System.Globalization;
using Kith.Screening.Domain;

namespace Kith.Screening.Identified;

/// <summary>The scores and flags of a stored response, as they were computed when it was recorded.</summary>
internal static class StoredResult
{
    public static Dictionary<string, decimal> Scores(ScreeningResponse response) =>
        response.Scores.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => decimal.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    public static HashSet<string> Flags(ScreeningResponse response) =>
        response.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
