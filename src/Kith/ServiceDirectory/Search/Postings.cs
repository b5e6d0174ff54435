namespace Kith.ServiceDirectory.Search;

/// <summary>The fields text is indexed in, most telling first; a posting keeps one term count per field.</summary>
internal enum TextField { Name = 0, OtherName = 1, Keyword = 2, Description = 3 }

/// <summary>Term → sorted document numbers, with per-field term counts packed 8 bits each
/// (<see cref="TextField"/> order), in three flat arrays: no object per term or per posting, so a
/// million documents cost a few hundred megabytes rather than gigabytes.</summary>
internal sealed class Postings(int[] starts, int[] docs, uint[] counts)
{
    public int TermCount => starts.Length - 1;

    public int Length(int term) => starts[term + 1] - starts[term];

    public ReadOnlySpan<int> Docs(int term) => docs.AsSpan(starts[term], starts[term + 1] - starts[term]);

    public ReadOnlySpan<uint> Counts(int term) => counts.AsSpan(starts[term], starts[term + 1] - starts[term]);

    /// <summary>The packed field counts of <paramref name="doc"/> for <paramref name="term"/>, or 0 when absent.</summary>
    public uint CountsOf(int term, int doc)
    {
        var at = Docs(term).BinarySearch(doc);
        return at < 0 ? 0 : counts[starts[term] + at];
    }

    public static int Field(uint packed, TextField field) => (int)((packed >> (8 * (int)field)) & 0xFF);

    public static uint Add(uint packed, TextField field)
    {
        var shift = 8 * (int)field;
        return ((packed >> shift) & 0xFF) == 0xFF ? packed : packed + (1u << shift);
    }
}

/// <summary>Collects (term, doc, counts) in document order and lays them out term by term at the end (a counting sort).</summary>
internal sealed class PostingsBuilder
{
    private int[] _terms = new int[1024];
    private int[] _docs = new int[1024];
    private uint[] _counts = new uint[1024];
    private int _n;

    public void Add(int term, int doc, uint counts)
    {
        if (_n == _terms.Length)
        {
            var size = _n * 2;
            Array.Resize(ref _terms, size);
            Array.Resize(ref _docs, size);
            Array.Resize(ref _counts, size);
        }
        _terms[_n] = term;
        _docs[_n] = doc;
        _counts[_n] = counts;
        _n++;
    }

    public Postings Build(int termCount)
    {
        var starts = new int[termCount + 1];
        for (var i = 0; i < _n; i++) starts[_terms[i] + 1]++;
        for (var t = 0; t < termCount; t++) starts[t + 1] += starts[t];
        var next = (int[])starts.Clone();
        var docs = new int[_n];
        var counts = new uint[_n];
        // Documents were added in increasing order, so each term's run comes out sorted.
        for (var i = 0; i < _n; i++)
        {
            var at = next[_terms[i]]++;
            docs[at] = _docs[i];
            counts[at] = _counts[i];
        }
        _terms = _docs = [];
        _counts = [];
        return new Postings(starts, docs, counts);
    }
}
