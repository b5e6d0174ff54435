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
