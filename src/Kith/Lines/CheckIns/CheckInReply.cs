using System.Globalization;
using System.Text;
using Kith.Platform.Safety;

namespace Kith.Lines.CheckIns;

/// <summary>What a member asks of their check-ins by text, besides STOP (which the carrier handles for every text).</summary>
internal enum CheckInRequest
{
    None,
    Pause,
    Resume,
}

/// <summary>
/// What a member's answer to "How are you doing today, 1–5?" says: the score, if the reply gives exactly one reading
/// of it; a pause or resume request; and the strongest risk signal in the words, read by the shared lexicon.
/// </summary>
internal sealed record CheckInReply(int? Score, CheckInRequest Request, RiskSignal? Risk)
{
    /// <summary>The lowest score that does not, by itself, ask a person to look (the issue: 2 or less does).</summary>
    public const int LowestWithoutFollowUp = 3;

    /// <summary>
    /// A person should read this reply: risk words, a low score, or words that are neither a score nor a request —
    /// "not great", "why do you keep asking" — which only a person can weigh. A plain good score or a request does not.
    /// </summary>
    public bool NeedsAPerson => Risk is not null || Score < LowestWithoutFollowUp || (Score is null && Request == CheckInRequest.None);
}

/// <summary>
/// Reads check-in replies in English, Spanish and Somali. A reply may be a digit ("3", "3/5", "about a 4 today"), a
/// number word ("three", "tres", "saddex"), or prose. Two different scores ("2 or 3") read as the lower one: a person
/// is better asked once too often than missed. Numbers that cannot be a score ("10/10", "2025") give no score.
/// </summary>
internal static class CheckInReplies
{
    // Number words 0–5 per language. Somali from its standard cardinal numbers (kow, laba, saddex, afar, shan); the
    // Somali requests below still want a native speaker's review before a Somali line runs check-ins.
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["cero"] = 0, ["uno"] = 1, ["una"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5,
        ["eber"] = 0, ["kow"] = 1, ["hal"] = 1, ["laba"] = 2, ["saddex"] = 3, ["afar"] = 4, ["shan"] = 5,
    };

    // A reply that starts with one of these and says nothing else but "check-ins" or "please" is a request.
    private static readonly Dictionary<string, CheckInRequest> Requests = new(StringComparer.Ordinal)
    {
        ["pause"] = CheckInRequest.Pause, ["pausa"] = CheckInRequest.Pause, ["pausar"] = CheckInRequest.Pause,
        ["hakad"] = CheckInRequest.Pause, // so, for review
        ["resume"] = CheckInRequest.Resume, ["reanudar"] = CheckInRequest.Resume, ["continuar"] = CheckInRequest.Resume,
        ["siiwad"] = CheckInRequest.Resume, // so "sii wad", for review
    };

    private static readonly HashSet<string> Courtesy = new(StringComparer.Ordinal)
        { "checkins", "checkin", "my", "please", "los", "mis", "por", "favor", "fadlan" };

    // Number words count only in a short reply ("a three", "tres"): in prose "one" is rarely a score ("one day at a time").
    private const int MostWordsForNumberWords = 5;

    public static CheckInReply Read(string? body, string? language)
    {
        var words = Words(body);
        var risk = RiskLanguage.ReadNarrative(body, language).OrderByDescending(s => s.Tier).FirstOrDefault();
        if (words.Count > 1 && words[0] == "sii" && words[1] == "wad") { words.RemoveAt(1); words[0] = "siiwad"; }
        if (words.Count > 0 && Requests.TryGetValue(words[0], out var request) && words.Skip(1).All(Courtesy.Contains))
            return new CheckInReply(null, request, risk);
        return new CheckInReply(Score(words), CheckInRequest.None, risk);
    }

    private static int? Score(List<string> words)
    {
        var wordsAllowed = words.Count <= MostWordsForNumberWords;
        var scores = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!TryNumber(words[i], wordsAllowed, out var n)) continue;
            // "3/5", "3 of 5", "3 out of 5", "3 de 5", "3 sobre 5": the second number is the scale. On any other
            // scale ("3 out of 10") the score cannot be compared, so a person reads it.
            var next = i + 1;
            if (next < words.Count && words[next] == "out" && next + 1 < words.Count && words[next + 1] == "of") next++;
            if (next + 1 < words.Count && words[next] is "/" or "of" or "de" or "sobre" && TryNumber(words[next + 1], wordsAllowed, out var scale))
            {
                if (scale != 5) return null;
                i = next + 1;
            }
            if (n > 5) return null;
            scores.Add(Math.Max(n, 1));
        }
        return scores.Count == 0 ? null : scores.Min();
    }

    private static bool TryNumber(string word, bool wordsAllowed, out int value)
    {
        value = 0;
        if (word.Length <= 4 && word.All(char.IsAsciiDigit))
            return int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return wordsAllowed && NumberWords.TryGetValue(word, out value);
    }

    /// <summary>Lower-case words without accents; "/" kept as a word of its own so "3/5" reads as a scale.</summary>
    private static List<string> Words(string? body)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(body)) return words;
        var text = body.Normalize(NormalizationForm.FormD);
        var word = new StringBuilder();
        void Flush() { if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); } }
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (c == '-' && word.Length > 0 && !char.IsAsciiDigit(word[^1])) word.Append(c); // check-in, not 1-5
            else { Flush(); if (c == '/') words.Add("/"); }
        }
        Flush();
        for (var i = 0; i < words.Count; i++) words[i] = words[i] switch { "check-in" => "checkin", "check-ins" => "checkins", _ => words[i] };
        return words;
    }
}
