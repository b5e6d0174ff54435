namespace Kith.Platform.Web.QrCodes;

/// <summary>
/// The eight mask patterns and the spec's penalty rules (ISO/IEC 18004 7.8.3). A mask breaks up runs,
/// blocks and finder look-alikes that would confuse a reader; the encoder keeps the lowest-scoring one.
/// </summary>
internal static class QrMask
{
    public static bool Inverts(int mask, int x, int y) => mask switch
    {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => (x / 3 + y / 2) % 2 == 0,
        5 => x * y % 2 + x * y % 3 == 0,
        6 => (x * y % 2 + x * y % 3) % 2 == 0,
        7 => ((x + y) % 2 + x * y % 3) % 2 == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(mask)),
    };

    public static int Penalty(QrSymbol symbol)
    {
        var size = symbol.Size;
        var penalty = 0;
        for (var i = 0; i < size; i++)
        {
            var line = i;
            penalty += LinePenalty(size, k => symbol.IsDark(k, line));
            penalty += LinePenalty(size, k => symbol.IsDark(line, k));
        }

        var dark = 0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var colour = symbol.IsDark(x, y);
                if (colour) dark++;
                // Rule 2: 3 for every 2×2 block of one colour (overlapping blocks each count).
                if (x + 1 < size && y + 1 < size && colour == symbol.IsDark(x + 1, y)
                    && colour == symbol.IsDark(x, y + 1) && colour == symbol.IsDark(x + 1, y + 1))
                {
                    penalty += 3;
                }
            }
        }

        // Rule 4: 10 for every full 5 % the dark share strays from 50 %.
        var total = size * size;
        penalty += 10 * (Math.Abs(dark * 20 - total * 10) / total);
        return penalty;
    }

    /// <summary>Rules 1 and 3 along one row or column.</summary>
    private static int LinePenalty(int size, Func<int, bool> isDark)
    {
        var penalty = 0;
        // Rule 1: a run of five or more modules of one colour scores 3, plus 1 for each module past five.
        var run = 1;
        for (var k = 1; k <= size; k++)
        {
            if (k < size && isDark(k) == isDark(k - 1))
            {
                run++;
                continue;
            }
            if (run >= 5) penalty += run - 2;
            run = 1;
        }

        // Rule 3: 40 for each finder look-alike, dark-light-dark×3-light-dark, with four light modules
        // on one side. Beyond the edge is the light quiet zone, so it counts as light.
        bool At(int k) => k >= 0 && k < size && isDark(k);
        bool Light(int from) => !At(from) && !At(from + 1) && !At(from + 2) && !At(from + 3);
        for (var start = 0; start + 7 <= size; start++)
        {
            var core = At(start) && !At(start + 1) && At(start + 2) && At(start + 3) && At(start + 4)
                && !At(start + 5) && At(start + 6);
            if (!core) continue;
            if (Light(start - 4)) penalty += 40;
            if (Light(start + 7)) penalty += 40;
        }
        return penalty;
    }
}
