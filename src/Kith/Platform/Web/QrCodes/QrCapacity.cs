namespace Kith.Platform.Web.QrCodes;

/// <summary>
/// How many codewords each version holds and how they split into Reed–Solomon blocks
/// (ISO/IEC 18004 table 9). Indexed [level][version]; index 0 is unused so a version reads as itself.
/// </summary>
internal static class QrCapacity
{
    public const int MinVersion = 1;
    public const int MaxVersion = 40;

    private static readonly int[][] EccCodewordsPerBlock =
    [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ];

    private static readonly int[][] BlockCount =
    [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ];

    public static int Size(int version) => version * 4 + 17;

    public static int EccPerBlock(int version, QrErrorCorrection level) => EccCodewordsPerBlock[(int)level][version];

    public static int Blocks(int version, QrErrorCorrection level) => BlockCount[(int)level][version];

    /// <summary>
    /// Modules left for codewords once finder, timing, alignment, format and version patterns are drawn
    /// (may not be a multiple of 8: the rest are remainder bits).
    /// </summary>
    public static int DataModules(int version)
    {
        var size = Size(version);
        var result = size * size - 3 * 64 - 2 * (size - 16) - 31; // finders with separators, timing, format + dark module
        if (version >= 2)
        {
            var perSide = version / 7 + 2;
            var alignments = perSide * perSide - 3;
            // Alignment patterns in the timing row and column overlap it by 5 modules each.
            result -= alignments * 25 - (perSide - 2) * 2 * 5;
        }
        if (version >= 7) result -= 2 * 18;
        return result;
    }

    public static int TotalCodewords(int version) => DataModules(version) / 8;

    public static int DataCodewords(int version, QrErrorCorrection level) =>
        TotalCodewords(version) - EccPerBlock(version, level) * Blocks(version, level);

    /// <summary>Bits of the character count in byte mode: versions 10 and up hold more than 255 bytes.</summary>
    public static int ByteCountBits(int version) => version <= 9 ? 8 : 16;

    /// <summary>The most bytes of text a version holds in byte mode (mode indicator and count included).</summary>
    public static int ByteCapacity(int version, QrErrorCorrection level) =>
        (DataCodewords(version, level) * 8 - 4 - ByteCountBits(version)) / 8;
}
