namespace Kith.Groups.Domain;

/// <summary>
/// A member who asked for a buddy in one group (issue 15, item 3), and who their buddy is once two have asked. Nothing
/// of what buddies say to each other passes through Kith or is kept: only that they asked, whether they let their buddy
/// see the contact they gave, and when they were last nudged to check in. Stopping deletes the row.
/// </summary>
internal sealed class Buddy
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    /// <summary>Their place in the group (enrolled): leaving the group ends the pairing.</summary>
    public Guid EnrolmentId { get; set; }
    /// <summary>They let their buddy see the number or address they gave; shown only if the buddy lets them too.</summary>
    public bool ShareContact { get; set; }
    public DateTime AskedAt { get; set; }
    /// <summary>The other member's row; none while they wait for someone else in the group to ask.</summary>
    public Guid? BuddyId { get; set; }
    public DateTime? PairedAt { get; set; }
    /// <summary>The session (its original start, local) the last check-in nudge came before: one nudge per gap between sessions.</summary>
    public DateTime? NudgedBefore { get; set; }
    public int Revision { get; set; }
}

/// <summary>Who is paired with whom, and when a pair is nudged to check in (ADR 45).</summary>
internal static class Pairing
{
    /// <summary>Those waiting, paired two by two in the order they asked: whoever has waited longest gets the next buddy.</summary>
    public static IReadOnlyList<(Buddy First, Buddy Second)> Pairs(IEnumerable<Buddy> waiting)
    {
        var inOrder = waiting.Where(b => b.BuddyId is null).OrderBy(b => b.AskedAt).ThenBy(b => b.Id).ToList();
        return [.. Enumerable.Range(0, inOrder.Count / 2).Select(i => (inOrder[2 * i], inOrder[2 * i + 1]))];
    }

    /// <summary>Nudges go in the day, from 9:00 to 21:00 local: a gentle reminder never wakes anyone.</summary>
    public const int DayStarts = 9, DayEnds = 21;

    /// <summary>
    /// When a pair is nudged between two sessions that follow each other: midway between their starts (three and a half
    /// days after a weekly group met), or at 9:00 when the middle falls in the night; never before the earlier session
    /// has ended; none when that would be at or after the later one's start.
    /// </summary>
    public static DateTime? NudgeAt(Session earlier, Session later)
    {
        var at = earlier.StartLocal + (later.StartLocal - earlier.StartLocal) / 2;
        if (at.Hour < DayStarts) at = at.Date.AddHours(DayStarts);
        else if (at.Hour >= DayEnds) at = at.Date.AddDays(1).AddHours(DayStarts);
        if (at < earlier.EndLocal) at = earlier.EndLocal;
        return at < later.StartLocal ? at : null;
    }
}
