namespace Kith.Platform.Web.QrCodes;

/// <summary>
/// How much of a printed code may be lost (smudged, torn, covered) and still read: about 7 % (L),
/// 15 % (M), 25 % (Q) or 30 % (H) of its codewords. Higher levels need a larger symbol for the same text.
/// </summary>
internal enum QrErrorCorrection
{
    L,
    M,
    Q,
    H,
}

internal static class QrErrorCorrectionBits
{
    /// <summary>The two bits the format information carries for a level; the spec does not number them in L-M-Q-H order.</summary>
    public static int FormatBits(this QrErrorCorrection level) => level switch
    {
        QrErrorCorrection.L => 0b01,
        QrErrorCorrection.M => 0b00,
        QrErrorCorrection.Q => 0b11,
        QrErrorCorrection.H => 0b10,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
