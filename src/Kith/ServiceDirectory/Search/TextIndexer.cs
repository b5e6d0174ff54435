using System.Runtime.InteropServices;
using Kith.Platform.Localization;

namespace Kith.ServiceDirectory.Search;

/// <summary>Turns documents' text into postings: exact folded words, their stems (English always, plus
/// Spanish/Somali for services offered in those languages) and the synonym groups the text mentions.
/// Works on spans over one reused buffer, so indexing a word that is already known allocates nothing.</summary>
internal sealed class TextIndexer
{
    private const int MaxWordLength = 64;
    private readonly Dictionary<string, int> _exactIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    private readonly List<string> _exactWords = [], _stemWords = [];
    private readonly PostingsBuilder _exact = new(), _stems = new(), _synonyms = new();
    private readonly Dictionary<int, uint> _docExact = [], _docStems = [];
    private readonly uint[] _docSynonyms = new uint[Synonyms.GroupCount];
    private readonly List<int> _docGroups = [];
    private readonly List<TokenRange> _ranges = [];
    private readonly List<WordForms> _sequence = [];
    private readonly List<SynonymSpan> _spans = [];
    private char[] _buffer = new char[512];
    private readonly bool[] _languages = new bool[3];
    private readonly uint[] _lengths = new uint[4];

    /// <summary>Indexes one document's text and returns its field lengths in words, packed like posting counts.</summary>
    public uint Add(int doc, SearchDocument d)
    {
        _languages[(int)StemLanguage.English] = true;
        _languages[(int)StemLanguage.Spanish] = d.Languages.Contains("es");
        _languages[(int)StemLanguage.Somali] = d.Languages.Contains("so");
        Array.Clear(_lengths);
        Field(d.Name, TextField.Name);
        Field(d.AlternateName, TextField.OtherName);
        Field(d.OrganizationName, TextField.OtherName);
        foreach (var k in d.Keywords) Field(k, TextField.Keyword);
        Field(d.Description, TextField.Description);

        foreach (var (term, counts) in _docExact) _exact.Add(term, doc, counts);
        foreach (var (term, counts) in _docStems) _stems.Add(term, doc, counts);
        foreach (var g in _docGroups) { _synonyms.Add(g, doc, _docSynonyms[g]); _docSynonyms[g] = 0; }
        _docExact.Clear();
        _docStems.Clear();
        _docGroups.Clear();
        uint packed = 0;
        for (var f = 0; f < 4; f++) packed |= Math.Min(255u, _lengths[f]) << (8 * f);
        return packed;
    }

    public TextPostings Finish() =>
        new(_exactIds, [.. _exactWords], _exact.Build(_exactWords.Count),
            _stemIds, _stems.Build(_stemWords.Count), _synonyms.Build(Synonyms.GroupCount));

    private void Field(string? text, TextField field)
    {
        if (string.IsNullOrEmpty(text)) return;
        if (_buffer.Length < text.Length * 2) _buffer = new char[text.Length * 2];
        var folded = _buffer.AsSpan(0, TextFolding.Fold(text, _buffer));
        _ranges.Clear();
        _sequence.Clear();
        Tokenizer.Split(folded, forIndex: true, _ranges);
        Span<char> word = stackalloc char[MaxWordLength];
        Span<char> stem = stackalloc char[MaxWordLength + 2];
        foreach (var range in _ranges)
        {
            if (range.Length > MaxWordLength) continue;
            var w = word[..Tokenizer.Compact(folded.Slice(range.Start, range.Length), word)];
            var exactId = Intern(_exactIds, _exactWords, w);
            var exact = _exactWords[exactId];
            string? english = null, spanish = null, somali = null;
            int counted0 = -1, counted1 = -1; // a stem two languages agree on counts once
            for (var l = 0; l < 3; l++)
            {
                if (!_languages[l]) continue;
                var s = stem[..Stemmer.Stem(w, (StemLanguage)l, stem)];
                string form;
                if (s.SequenceEqual(w)) form = exact;
                else
                {
                    var stemId = Intern(_stemIds, _stemWords, s);
                    form = _stemWords[stemId];
                    if (!StopWords.Contains(w) && stemId != counted0 && stemId != counted1) Count(_docStems, stemId, field);
                    if (counted0 < 0) counted0 = stemId; else counted1 = stemId;
                }
                if (l == 0) english = form; else if (l == 1) spanish = form; else somali = form;
            }
            if (range.InSequence) _sequence.Add(new WordForms(exact, english, spanish, somali));
            if (StopWords.Contains(w)) continue;
            Count(_docExact, exactId, field);
            _lengths[(int)field]++;
        }
        _spans.Clear();
        Synonyms.Find(CollectionsMarshal.AsSpan(_sequence), _spans);
        foreach (var span in _spans)
        {
            if (_docSynonyms[span.Group] == 0) _docGroups.Add(span.Group);
            _docSynonyms[span.Group] = Postings.Add(_docSynonyms[span.Group], field);
        }
    }

    private static void Count(Dictionary<int, uint> counts, int term, TextField field)
    {
        ref var packed = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _);
        packed = Postings.Add(packed, field);
    }

    private static int Intern(Dictionary<string, int> ids, List<string> words, ReadOnlySpan<char> word)
    {
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var id)) return id;
        var s = new string(word);
        ids[s] = id = words.Count;
        words.Add(s);
        return id;
    }
}

/// <summary>The text side of the index. Stem postings hold only stems that differ from the word itself;
/// a query stem is therefore looked up among both stems and exact words.</summary>
internal sealed record TextPostings(
    Dictionary<string, int> ExactIds, string[] ExactWords, Postings Exact,
    Dictionary<string, int> StemIds, Postings Stems, Postings Synonyms);
