namespace Kith.Platform.Privacy;

/// <summary>
/// Small-cell suppression for counts published together with additive relations among them (tables with margins,
/// days and weeks, areas and totals: <see cref="LinkedCounts"/>), so nothing published tells anyone how few people
/// gave an answer, on one page or on all of them combined (docs/adr/0049).
/// <list type="number">
/// <item>Primary: any count from 1 to threshold − 1 is hidden.</item>
/// <item>Zeros are shown — a zero counts nobody — except where a total they are part of is hidden: in a group of
/// five, "0 severe, 0 moderate, 0 mild" next to a hidden count would tell everyone's answer.</item>
/// <item>Complementary, quickly (<see cref="Complement"/>): every relation with a hidden count hides at least two,
/// and where its total is shown, the hidden parts add up to 0 or at least the threshold.</item>
/// <item>Complementary, proved (<see cref="LinearAttack"/>): for every hidden primary, the smallest and largest value
/// a linear program finds from everything published must lie at least the threshold apart; one more count is hidden
/// next to the first that fails and the rules run again, until none fails.</item>
/// </list>
/// Hidden counts are shown with one marker whatever the reason, because telling "fewer than the threshold" apart
/// from "hidden to protect another" would bound the hidden values and could give them away again. The pattern is a
/// function of the counts alone (ties go to the lower index), so every page and export built from the same counts
/// hides the same cells.
/// </summary>
internal static class SmallCells
{
    /// <summary>The usual threshold (CMS and many public-health agencies suppress counts from 1 to 10).</summary>
    public const int DefaultThreshold = 11;

    public static bool IsPrimary(int value, int threshold) => value > 0 && value < threshold;

    /// <param name="threshold">The smallest positive count that may be published.</param>
    /// <param name="alsoHidden">Counts to hide regardless (e.g. a total another set of counts hides).</param>
    /// <param name="known">Counts everyone already knows (an earlier release showed them with the same value): hiding one
    /// hides nothing, so they are never chosen to protect another, and the attack takes them as published.</param>
    /// <param name="guard">Counts to protect as if small (a count that moved by a few since an earlier release showed it:
    /// pinned down now, it would tell the few): their range, too, must stay the threshold wide.</param>
    public static ProtectedCounts Protect(LinkedCounts counts, int threshold, IEnumerable<int>? alsoHidden = null,
        IEnumerable<int>? known = null, IEnumerable<int>? guard = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var hidden = new bool[counts.Count];
        var isKnown = new bool[counts.Count];
        foreach (var i in known ?? []) isKnown[i] = true;
        for (var i = 0; i < counts.Count; i++) hidden[i] = IsPrimary(counts[i], threshold);
        foreach (var i in alsoHidden ?? []) hidden[i] = true;
        var cells = new Cells(counts, hidden, isKnown);
        Complement(cells, threshold);

        var seen = new SeenValues(counts);
        var unsure = Enumerable.Range(0, counts.Count).Where(i => IsPrimary(counts[i], threshold) && !isKnown[i]).Union(guard ?? []).Order().ToList();
        while (true)
        {
            using var attack = new LinearAttack(counts, cells.Secret, seen);
            attack.Spread(unsure, threshold);
            // Hiding more only widens every range, so a primary proved wide stays proved.
            unsure = unsure.Where(p => !attack.Wide(p, threshold)).ToList();
            if (unsure.Count == 0) return new ProtectedCounts(counts, hidden);
            // With every count linked to it hidden a count is unbounded, unless counts everyone knew already pin it:
            // then nothing hidden now can help, and it is left hidden.
            if (Around(unsure[0], cells) is { } next) hidden[next] = true;
            else unsure.RemoveAt(0);
            Complement(cells, threshold);
        }
    }

    /// <summary>The counts with what is hidden and what everyone knows: the rules hide only counts that can be secret.</summary>
    private sealed record Cells(LinkedCounts Counts, bool[] Hidden, bool[] Known)
    {
        /// <summary>Hidden and not known otherwise: what the attacker must solve for.</summary>
        public bool Secret(int i) => Hidden[i] && !Known[i];
        /// <summary>Shown now, and hiding it would hide something.</summary>
        public bool Open(int i) => !Hidden[i] && !Known[i];
    }

    /// <summary>The tightest bounds a linear program derives from what is published, for every hidden primary.</summary>
    public static IReadOnlyList<ProtectionInterval> Audit(LinkedCounts counts, Func<int, bool> hidden, int threshold)
    {
        using var attack = new LinearAttack(counts, hidden);
        return [.. Enumerable.Range(0, counts.Count).Where(i => hidden(i) && IsPrimary(counts[i], threshold))
            .Select(i =>
            {
                var (min, max) = attack.Range(i);
                return new ProtectionInterval(i, counts[i], min, max);
            })];
    }

    public static IReadOnlyList<ProtectionInterval> Audit(ProtectedCounts published, int threshold) =>
        Audit(published.Counts, published.IsHidden, threshold);

    /// <summary>The quick rules (zeros beside hidden totals, two hidden per relation, enough hidden under a shown total), until they hold.</summary>
    private static void Complement(Cells cells, int threshold)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var relation in cells.Counts.Relations)
            {
                if (cells.Secret(relation.Total))
                    foreach (var part in relation.Parts.Where(p => cells.Counts[p] == 0 && cells.Open(p)))
                        changed = cells.Hidden[part] = true;
                if (Next(relation, cells, threshold) is { } next)
                    changed = cells.Hidden[next] = true;
            }
        }
    }

    /// <summary>The count a relation must hide next for the quick rules, if any (none when every other is known).</summary>
    private static int? Next(Relation relation, Cells cells, int threshold)
    {
        var hiddenCount = relation.Members.Count(cells.Secret);
        if (hiddenCount == 1)
            return SmallestShown(relation.Parts, cells) ?? relation.Parts.Select(p => (int?)p).FirstOrDefault(p => cells.Open(p!.Value))
                ?? (cells.Open(relation.Total) ? relation.Total : null);
        if (hiddenCount == 0 || cells.Secret(relation.Total)) return null;
        var hiddenSum = relation.Parts.Where(cells.Secret).Sum(p => cells.Counts[p]);
        return hiddenSum > 0 && hiddenSum < threshold ? SmallestShown(relation.Parts, cells) ?? (cells.Open(relation.Total) ? relation.Total : null) : null;
    }

    /// <summary>
    /// The count to hide next to the first count the attack still pins down: the smallest positive shown part of its
    /// relations, else a shown total, else a shown zero, looking one relation further out (through hidden counts) each
    /// time none is left. One at a time, because one hidden count often widens several at once.
    /// </summary>
    private static int? Around(int primary, Cells cells)
    {
        var counts = cells.Counts;
        var seen = new HashSet<int>(counts.RelationsOf(primary));
        var ring = seen.Order().Select(r => counts.Relations[r]).ToList();
        while (ring.Count > 0)
        {
            var next = SmallestShown(ring.SelectMany(r => r.Parts), cells)
                ?? ring.Select(r => (int?)r.Total).FirstOrDefault(t => cells.Open(t!.Value))
                ?? ring.SelectMany(r => r.Parts).Select(p => (int?)p).FirstOrDefault(p => cells.Open(p!.Value));
            if (next is not null) return next;
            var further = ring.SelectMany(r => r.Members).SelectMany(counts.RelationsOf).Where(seen.Add).Order().ToList();
            ring = further.Select(r => counts.Relations[r]).ToList();
        }
        return null;
    }

    private static int? SmallestShown(IEnumerable<int> parts, Cells cells) =>
        parts.Where(p => cells.Open(p) && cells.Counts[p] > 0).Select(p => (int?)p).MinBy(p => (cells.Counts[p!.Value], p!.Value));

    /// <param name="cells">Counts, rows × columns (no margins; they are summed here).</param>
    /// <param name="threshold">The smallest positive count that may be published.</param>
    /// <param name="alsoHidden">Entries of the extended grid to hide regardless (e.g. a row total another table hides).</param>
    public static SuppressedTable Suppress(int[,] cells, int threshold, IEnumerable<(int Row, int Column)>? alsoHidden = null)
    {
        var (counts, index) = SuppressedTable.Link(cells);
        var rows = cells.GetLength(0) + 1;
        var columns = cells.GetLength(1) + 1;
        var forced = (alsoHidden ?? []).Where(e => e.Row >= 0 && e.Row < rows && e.Column >= 0 && e.Column < columns).Select(e => index(e.Row, e.Column));
        return new SuppressedTable(rows, columns, Protect(counts, threshold, forced));
    }
}
