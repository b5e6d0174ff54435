namespace Kith.Lines.WebChat;

/// <summary>
/// How long a waiting visitor should expect, as a band, never a queue position (a position jumps backwards when a
/// higher tier arrives, which reads as being forgotten): from how long the line's recent conversations of the same tier
/// waited before a responder took them — the wait four in five of them stayed within — or, with no recent history,
/// the line's own limit for the tier (after which it moves to the backup line).
/// </summary>
internal enum WaitBand { Within5, Within15, Longer }

internal static class WaitBands
{
    public static WaitBand Of(IReadOnlyList<TimeSpan> recentWaits, TimeSpan limit)
    {
        var usual = recentWaits.Count == 0 ? limit : recentWaits.Order().ElementAt((int)Math.Ceiling(recentWaits.Count * 0.8) - 1);
        return usual <= TimeSpan.FromMinutes(5) ? WaitBand.Within5 : usual <= TimeSpan.FromMinutes(15) ? WaitBand.Within15 : WaitBand.Longer;
    }
}
