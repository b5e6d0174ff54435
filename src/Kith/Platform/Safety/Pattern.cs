using System.Text.RegularExpressions;

namespace Kith.Platform.Safety;

/// <summary>
/// One phrase of a phrase list, compiled. The notation, kept small so the lists stay reviewable:
/// <list type="bullet">
/// <item>words separated by spaces, matched as whole words in one clause: <c>has a gun</c></item>
/// <item><c>a|b</c> either word; <c>suicid*</c> any word starting so (at least three letters)</item>
/// <item><c>[his|her]</c> an optional word; <c>~</c> up to <see cref="MaxGap"/> other words</item>
/// <item><c>{self}</c> a word list of the language file ("himself|herself|…")</item>
/// <item><c>_</c> any one word; <c>!a|b</c> any one word but these ("gave away his _", not "his secret")</item>
/// <item>an emoji, alone or as an alternative: <c>🔪|🩸</c> (written without the emoji variation selector)</item>
/// </list>
/// Words are written as the narrative is read: lower case, no diacritics, no apostrophes ("dont").
/// </summary>
internal sealed partial class Pattern
{
    public const int MaxGap = 4;

    private readonly Slot[] slots;

    private Pattern(string text, Slot[] slots)
    {
        Text = text;
        this.slots = slots;
    }

    public string Text { get; }
    public Slot First => slots[0];

    /// <summary>The emoji this pattern names anywhere (the narrative keeps these as words).</summary>
    public IEnumerable<string> Symbols => slots.SelectMany(s => s.Words).Where(Narrative.IsSymbol);

    public static Pattern Parse(string text, IReadOnlyDictionary<string, string> words)
    {
        var expanded = text;
        for (var depth = 0; expanded.Contains('{'); depth++)
        {
            if (depth > 4) throw Invalid(text, "word lists nest too deep");
            expanded = WordList().Replace(expanded, m => words.TryGetValue(m.Groups[1].Value, out var list)
                ? list : throw Invalid(text, $"no word list {{{m.Groups[1].Value}}}"));
        }
        var slots = expanded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(item => Slot.Parse(item, text)).ToArray();
        if (slots.Length == 0 || slots[0].IsGap || slots[0].Optional || slots[0].AnyWord) throw Invalid(text, "must start with a word");
        if (slots[^1].IsGap) throw Invalid(text, "must not end with ~");
        if (slots.Zip(slots.Skip(1)).Any(p => p.First.IsGap && p.Second.IsGap)) throw Invalid(text, "two ~ in a row");
        return new Pattern(text, slots);
    }

    /// <summary>
    /// Where a match starting at <paramref name="start"/> ends (exclusive), or -1. <c>Gaps</c> has bit k set
    /// when word start+k was skipped by a <c>~</c> (a negation there cancels the phrase). The search
    /// backtracks over optional words and gaps, which are few and short, so each try is bounded.
    /// </summary>
    public (int End, ulong Gaps) MatchAt(Narrative narrative, int start) =>
        Match(narrative, 0, start, start, narrative.Clause(start), 0);

    private (int End, ulong Gaps) Match(Narrative n, int slot, int start, int at, int clause, ulong gaps)
    {
        if (slot == slots.Length) return (at, gaps);
        var s = slots[slot];
        if (s.IsGap)
        {
            for (var skipped = 0; skipped <= MaxGap; skipped++)
            {
                var next = at + skipped;
                if (next > n.Count || skipped > 0 && n.Clause(next - 1) != clause) break;
                var mask = gaps;
                for (var k = at; k < next; k++) if (k - start < 64) mask |= 1UL << (k - start);
                var found = Match(n, slot + 1, start, next, clause, mask);
                if (found.End >= 0) return found;
            }
            return (-1, 0);
        }
        if (at < n.Count && n.Clause(at) == clause && s.Matches(n[at]))
        {
            var found = Match(n, slot + 1, start, at + 1, clause, gaps);
            if (found.End >= 0) return found;
        }
        return s.Optional ? Match(n, slot + 1, start, at, clause, gaps) : (-1, 0);
    }

    internal static InvalidOperationException Invalid(string pattern, string why) => new($"Risk phrase \"{pattern}\": {why}.");

    [GeneratedRegex(@"\{([a-z0-9-]+)\}")]
    private static partial Regex WordList();
}

/// <summary>One position of a pattern: a set of words and word prefixes, optional or not, any word but some, or a gap.</summary>
internal sealed partial class Slot
{
    public const int ShortestPrefix = 3;

    private Slot(bool isGap, bool optional, bool anyWord, HashSet<string> words, string[] prefixes)
    {
        IsGap = isGap;
        Optional = optional;
        AnyWord = anyWord;
        Words = words;
        Prefixes = prefixes;
    }

    public bool IsGap { get; }
    public bool Optional { get; }

    /// <summary>Matches any one word except <see cref="Words"/> and <see cref="Prefixes"/> (<c>_</c>, <c>!a|b</c>).</summary>
    public bool AnyWord { get; }

    public IReadOnlySet<string> Words { get; }
    public IReadOnlyList<string> Prefixes { get; }

    public bool Matches(string word) => AnyWord != Listed(word);

    private bool Listed(string word)
    {
        if (Words.Contains(word)) return true;
        foreach (var prefix in Prefixes)
            if (word.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    public static Slot Parse(string item, string pattern)
    {
        if (item == "~") return new Slot(true, false, false, [], []);
        var optional = item.StartsWith('[') && item.EndsWith(']');
        var body = optional ? item[1..^1] : item;
        if (body == "_") return new Slot(false, optional, true, [], []);
        var except = body.StartsWith('!');
        if (except) body = body[1..];
        var words = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        foreach (var alternative in body.Split('|'))
        {
            if (Narrative.IsSymbol(alternative)) { words.Add(alternative); continue; }
            if (!Alternative().IsMatch(alternative)) throw Pattern.Invalid(pattern, $"\"{alternative}\" is not a plain lower-case word or one emoji");
            if (!alternative.EndsWith('*')) { words.Add(alternative); continue; }
            if (alternative.Length - 1 < ShortestPrefix) throw Pattern.Invalid(pattern, $"prefix \"{alternative}\" is too short");
            prefixes.Add(alternative[..^1]);
        }
        return new Slot(false, optional, except, words, [.. prefixes.Distinct()]);
    }

    [GeneratedRegex(@"^[a-z0-9]+\*?$")]
    private static partial Regex Alternative();
}
