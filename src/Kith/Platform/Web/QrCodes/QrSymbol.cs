namespace Kith.Platform.Web.QrCodes;

/// <summary>
/// The symbol while it is being drawn: which modules are dark, and which belong to function patterns
/// (finders, timing, alignment, format, version) so that codewords and masks leave them alone.
/// </summary>
internal sealed class QrSymbol
{
    private readonly bool[] dark;
    private readonly bool[] function;

    public QrSymbol(int version)
    {
        Version = version;
        Size = QrCapacity.Size(version);
        dark = new bool[Size * Size];
        function = new bool[Size * Size];
        DrawFunctionPatterns();
    }

    public int Version { get; }
    public int Size { get; }

    public bool IsDark(int x, int y) => dark[y * Size + x];
    public bool IsFunction(int x, int y) => function[y * Size + x];
    public bool[] CopyModules() => (bool[])dark.Clone();

    /// <summary>
    /// Alignment pattern centres on each axis (spec annex E): 6, then evenly spaced back from size − 7,
    /// the span of 4·version + 4 modules shared by count − 1 gaps rounded up to an even number
    /// (ceil((2·version + 2) / (count − 1)) · 2); the spec's table departs from that only at version 32.
    /// </summary>
    public static int[] AlignmentCentres(int version)
    {
        if (version == 1) return [];
        var count = version / 7 + 2;
        var step = version == 32 ? 26 : (version * 2 + count) / (count - 1) * 2;
        var centres = new int[count];
        centres[0] = 6;
        for (int i = count - 1, position = QrCapacity.Size(version) - 7; i >= 1; i--, position -= step) centres[i] = position;
        return centres;
    }

    private void DrawFunctionPatterns()
    {
        for (var i = 0; i < Size; i++)
        {
            SetFunction(6, i, i % 2 == 0);
            SetFunction(i, 6, i % 2 == 0);
        }
        DrawFinder(3, 3);
        DrawFinder(Size - 4, 3);
        DrawFinder(3, Size - 4);

        var centres = AlignmentCentres(Version);
        var last = centres.Length - 1;
        for (var i = 0; i < centres.Length; i++)
        {
            for (var j = 0; j < centres.Length; j++)
            {
                var onFinder = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0);
                if (!onFinder) DrawAlignment(centres[i], centres[j]);
            }
        }
        // Reserve the format areas now; their bits depend on the mask, chosen later.
        DrawFormat(QrErrorCorrection.M, 0);
        DrawVersion();
    }

    /// <summary>A 7×7 finder centred at (x, y) with its light separator, clipped at the symbol's edge.</summary>
    private void DrawFinder(int x, int y)
    {
        for (var dy = -4; dy <= 4; dy++)
        {
            for (var dx = -4; dx <= 4; dx++)
            {
                var ring = Math.Max(Math.Abs(dx), Math.Abs(dy));
                int xx = x + dx, yy = y + dy;
                if (xx >= 0 && xx < Size && yy >= 0 && yy < Size) SetFunction(xx, yy, ring != 2 && ring != 4);
            }
        }
    }

    private void DrawAlignment(int x, int y)
    {
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++) SetFunction(x + dx, y + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
        }
    }

    /// <summary>
    /// Level and mask as a (15,5) BCH code, XORed with 101010000010010 so it is never all light, drawn
    /// twice (beside the top-left finder, and split between the other two) so one copy may be damaged.
    /// </summary>
    public void DrawFormat(QrErrorCorrection level, int mask)
    {
        var data = level.FormatBits() << 3 | mask;
        var remainder = data;
        for (var i = 0; i < 10; i++) remainder = remainder << 1 ^ (remainder >> 9) * 0x537;
        var bits = (data << 10 | remainder) ^ 0x5412;

        for (var i = 0; i <= 5; i++) SetFunction(8, i, Bit(bits, i));
        SetFunction(8, 7, Bit(bits, 6));
        SetFunction(8, 8, Bit(bits, 7));
        SetFunction(7, 8, Bit(bits, 8));
        for (var i = 9; i < 15; i++) SetFunction(14 - i, 8, Bit(bits, i));

        for (var i = 0; i < 8; i++) SetFunction(Size - 1 - i, 8, Bit(bits, i));
        for (var i = 8; i < 15; i++) SetFunction(8, Size - 15 + i, Bit(bits, i));
        SetFunction(8, Size - 8, true); // the dark module the spec always sets
    }

    /// <summary>From version 7 the version is written as an (18,6) Golay code, twice, beside the top-right and bottom-left finders.</summary>
    private void DrawVersion()
    {
        if (Version < 7) return;
        var remainder = Version;
        for (var i = 0; i < 12; i++) remainder = remainder << 1 ^ (remainder >> 11) * 0x1F25;
        var bits = Version << 12 | remainder;
        for (var i = 0; i < 18; i++)
        {
            int a = Size - 11 + i % 3, b = i / 3;
            SetFunction(a, b, Bit(bits, i));
            SetFunction(b, a, Bit(bits, i));
        }
    }

    /// <summary>
    /// Places codewords most significant bit first in two-module columns, zigzagging up and down from
    /// the bottom-right corner and skipping the vertical timing column. Remainder modules stay light.
    /// </summary>
    public void PlaceCodewords(byte[] codewords)
    {
        var bit = 0;
        var total = codewords.Length * 8;
        for (var right = Size - 1; right >= 1; right -= 2)
        {
            if (right == 6) right = 5;
            var upward = (right + 1 & 2) == 0;
            for (var step = 0; step < Size; step++)
            {
                var y = upward ? Size - 1 - step : step;
                for (var column = 0; column < 2; column++)
                {
                    var x = right - column;
                    if (IsFunction(x, y) || bit >= total) continue;
                    dark[y * Size + x] = (codewords[bit >> 3] >> (7 - (bit & 7)) & 1) != 0;
                    bit++;
                }
            }
        }
        if (bit != total) throw new InvalidOperationException($"placed {bit} of {total} bits");
    }

    /// <summary>XORs a mask pattern over every non-function module; applying it twice undoes it.</summary>
    public void ApplyMask(int mask)
    {
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (!IsFunction(x, y) && QrMask.Inverts(mask, x, y)) dark[y * Size + x] ^= true;
            }
        }
    }

    private void SetFunction(int x, int y, bool isDark)
    {
        dark[y * Size + x] = isDark;
        function[y * Size + x] = true;
    }

    private static bool Bit(int value, int index) => (value >> index & 1) != 0;
}
