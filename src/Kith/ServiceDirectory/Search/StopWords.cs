namespace Kith.ServiceDirectory.Search;

/// <summary>Words that carry no need: one list for all three languages because a query's language is
/// often unknown and people mix them. Words that mean something in another of the languages are left out
/// (Spanish "hoy" "today" is Somali "hoy" "shelter"; Somali "la" is kept out too).</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "near", "me", "my", "i", "im",
        "is", "are", "be", "am", "it", "its", "this", "that", "some", "any", "can", "get", "find", "where", "how", "what", "who",
        "we", "our", "you", "your", "do", "does", "need", "want", "looking", "please",
        // Spanish
        "el", "los", "las", "un", "una", "unos", "unas", "y", "o", "de", "del", "al", "en", "para", "por", "con", "mi", "mis",
        "que", "se", "su", "sus", "es", "cerca", "donde", "necesito", "busco",
        // Somali (UNREVIEWED: needs a native speaker's check)
        "iyo", "ee", "ku", "ka", "u", "waa", "oo", "aan",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Spans = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Spans.Contains(word);
}
