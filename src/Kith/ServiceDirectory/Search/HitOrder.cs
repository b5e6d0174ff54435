namespace Kith.ServiceDirectory.Search;

/// <summary>The result order. With text: relevance in 5% bands of the best score (so two equally good
/// matches are not split by a name being one word longer), then distance, then freshness (last verified),
/// then exact score and name. Without text, or when the searcher asked for the nearest first: distance, then the
/// relevance band, freshness, name. The document number breaks any tie, so paging is stable.</summary>
internal readonly struct HitOrder(DirectoryIndex index, SearchScratch scratch, SearchFilters filters, bool byText, float maxScore, bool byDistance = false)
{
    private const int Bands = 20;

    /// <summary>True when <paramref name="a"/> ranks above <paramref name="b"/>.</summary>
    public bool Before(int a, int b)
    {
        float da = Distance(a), db = Distance(b);
        if (byDistance && da != db) return da < db;
        if (byText)
        {
            int ba = Band(a), bb = Band(b);
            if (ba != bb) return ba > bb;
        }
        if (da != db) return da < db;
        int fa = index.AssuredDay[a], fb = index.AssuredDay[b];
        if (fa != fb) return fa > fb;
        if (byText && scratch.Score[a] != scratch.Score[b]) return scratch.Score[a] > scratch.Score[b];
        var byName = string.Compare(index.Documents[a].Name, index.Documents[b].Name, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName < 0 : a < b;
    }

    private int Band(int d) => maxScore <= 0 ? 0 : Math.Min(Bands, (int)(scratch.Score[d] / maxScore * Bands));

    // No point, or no place (a phone line): after every measured distance.
    private float Distance(int d)
    {
        var km = filters.DistanceOf(d);
        return float.IsNaN(km) || km < 0 ? float.PositiveInfinity : km;
    }

    /// <summary>The best <paramref name="k"/> candidates, best first (a bounded heap: O(n log k)).</summary>
    public int[] Top(IEnumerable<int> candidates, int k)
    {
        var heap = new int[k]; // heap[0] is the worst kept
        var count = 0;
        if (k == 0) return [];
        foreach (var c in candidates)
        {
            if (count < k)
            {
                heap[count] = c;
                Up(heap, count++);
            }
            else if (Before(c, heap[0]))
            {
                heap[0] = c;
                Down(heap, count);
            }
        }
        var result = heap[..count];
        var order = this;
        Array.Sort(result, (x, y) => x == y ? 0 : order.Before(x, y) ? -1 : 1);
        return result;
    }

    private void Up(int[] heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Before(heap[parent], heap[i])) break; // parent must be the worse one
            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private void Down(int[] heap, int count)
    {
        var i = 0;
        while (true)
        {
            int l = 2 * i + 1, r = l + 1, worst = i;
            if (l < count && Before(heap[worst], heap[l])) worst = l;
            if (r < count && Before(heap[worst], heap[r])) worst = r;
            if (worst == i) return;
            (heap[worst], heap[i]) = (heap[i], heap[worst]);
            i = worst;
        }
    }
}
