namespace Kith.ServiceDirectory.Search;

/// <summary>Per-query working memory sized to one index, pooled by the index so a query allocates next to
/// nothing per candidate. Every array is returned to its resting state (zero / NaN) before going back to the pool.</summary>
internal sealed class SearchScratch
{
    public readonly float[] Score, ClauseBest, Distance;
    public readonly byte[] Matched;
    public readonly sbyte[] Admitted;      // 0 = not decided, 1 = passes the filters, -1 = does not
    public readonly sbyte[] ShapeOpen;     // 0 = not worked out, 1 = open, -1 = closed
    public readonly ulong[] Allowed, Other;
    public readonly List<int> Touched = [], ClauseTouched = [], AdmittedTouched = [], DistanceTouched = [], ShapeTouched = [];
    // Reused candidate lists: allocating them per query would put large arrays on the LOH and trigger full collections.
    public readonly List<int> Candidates = [], Marked = [];

    public SearchScratch(DirectoryIndex index)
    {
        var n = index.Count;
        Score = new float[n];
        ClauseBest = new float[n];
        Distance = new float[n];
        Array.Fill(Distance, float.NaN);
        Matched = new byte[n];
        Admitted = new sbyte[n];
        ShapeOpen = new sbyte[index.Shapes.Length];
        Allowed = new ulong[(n + 63) / 64];
        Other = new ulong[Allowed.Length];
    }

    public void Reset()
    {
        foreach (var d in Touched) { Score[d] = 0; Matched[d] = 0; }
        foreach (var d in ClauseTouched) ClauseBest[d] = 0;
        foreach (var d in AdmittedTouched) Admitted[d] = 0;
        foreach (var d in DistanceTouched) Distance[d] = float.NaN;
        foreach (var s in ShapeTouched) ShapeOpen[s] = 0;
        Touched.Clear();
        ClauseTouched.Clear();
        AdmittedTouched.Clear();
        DistanceTouched.Clear();
        ShapeTouched.Clear();
        Candidates.Clear();
        Marked.Clear();
    }
}
