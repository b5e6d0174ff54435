using System.Text;

namespace Kith.Platform.Web.QrCodes;

/// <summary>
/// A QR code (ISO/IEC 18004, model 2) for a piece of text, as an immutable square of modules.
/// Written here because our package source has no QR library; printed campaign posters need one.
/// </summary>
internal sealed class QrCode
{
    private readonly bool[] modules;

    private QrCode(int version, QrErrorCorrection errorCorrection, int mask, bool[] modules)
    {
        Version = version;
        ErrorCorrection = errorCorrection;
        Mask = mask;
        Size = QrCapacity.Size(version);
        this.modules = modules;
    }

    public int Version { get; }
    public QrErrorCorrection ErrorCorrection { get; }
    public int Mask { get; }

    /// <summary>Modules per side, without the quiet zone: 21 for version 1 up to 177 for version 40.</summary>
    public int Size { get; }

    /// <summary>True when the module in column <paramref name="x"/>, row <paramref name="y"/> is dark.</summary>
    public bool this[int x, int y]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(x);
            ArgumentOutOfRangeException.ThrowIfNegative(y);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Size);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Size);
            return modules[y * Size + x];
        }
    }

    /// <summary>
    /// Encodes the text's UTF-8 bytes in byte mode in the smallest version that holds them at the
    /// given level. No ECI header: phone readers take byte mode as UTF-8, and the header would cost
    /// capacity. Throws <see cref="ArgumentException"/> when even version 40 is too small.
    /// </summary>
    public static QrCode Encode(string text, QrErrorCorrection level = QrErrorCorrection.M) => Encode(text, level, mask: null);

    /// <summary>As <see cref="Encode(string, QrErrorCorrection)"/> with a chosen mask, so tests can read every mask pattern back.</summary>
    public static QrCode Encode(string text, QrErrorCorrection level, int? mask)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enum.IsDefined(level)) throw new ArgumentOutOfRangeException(nameof(level));
        if (mask is < 0 or > 7) throw new ArgumentOutOfRangeException(nameof(mask));
        var bytes = Encoding.UTF8.GetBytes(text);
        var version = SmallestVersion(bytes.Length, level)
            ?? throw new ArgumentException(
                $"{bytes.Length} bytes do not fit in a QR code at level {level} (at most {QrCapacity.ByteCapacity(QrCapacity.MaxVersion, level)}).",
                nameof(text));

        var symbol = new QrSymbol(version);
        symbol.PlaceCodewords(QrCodewords.Interleave(QrCodewords.Data(bytes, version, level), version, level));

        var best = mask ?? LowestPenaltyMask(symbol, level);
        symbol.ApplyMask(best);
        symbol.DrawFormat(level, best);
        return new QrCode(version, level, best, symbol.CopyModules());
    }

    private static int LowestPenaltyMask(QrSymbol symbol, QrErrorCorrection level)
    {
        var best = 0;
        var lowest = int.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            symbol.ApplyMask(mask);
            symbol.DrawFormat(level, mask);
            var penalty = QrMask.Penalty(symbol);
            if (penalty < lowest) (best, lowest) = (mask, penalty);
            symbol.ApplyMask(mask); // undo: XOR twice
        }
        return best;
    }

    private static int? SmallestVersion(int byteCount, QrErrorCorrection level)
    {
        for (var version = QrCapacity.MinVersion; version <= QrCapacity.MaxVersion; version++)
        {
            if (byteCount <= QrCapacity.ByteCapacity(version, level)) return version;
        }
        return null;
    }
}
