using QRCoder;
using QRCoder.Exceptions;

namespace Kith.Platform.Web.QrCodes;

/// <summary>
/// A QR code (ISO/IEC 18004, model 2) for a piece of text, as an immutable square of modules, encoded by
/// QRCoder (ADR 20). Kith draws it itself (<see cref="QrSvg"/>) so the poster's SVG keeps its title for screen readers.
/// </summary>
internal sealed class QrCode
{
    private readonly bool[] modules;

    private QrCode(int version, QrErrorCorrection errorCorrection, int size, bool[] modules)
    {
        Version = version;
        ErrorCorrection = errorCorrection;
        Size = size;
        this.modules = modules;
    }

    public int Version { get; }
    public QrErrorCorrection ErrorCorrection { get; }

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
    /// Encodes the text's UTF-8 bytes in the smallest version that holds them at the given level, with no ECI
    /// header: phone readers take byte mode as UTF-8, and the header would cost capacity. Throws
    /// <see cref="ArgumentException"/> when even version 40 is too small.
    /// </summary>
    public static QrCode Encode(string text, QrErrorCorrection level = QrErrorCorrection.M)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enum.IsDefined(level)) throw new ArgumentOutOfRangeException(nameof(level));
        QRCodeData data;
        try
        {
            data = QRCodeGenerator.GenerateQrCode(text, Library(level), forceUtf8: true);
        }
        catch (DataTooLongException tooLong)
        {
            throw new ArgumentException(tooLong.Message, nameof(text), tooLong);
        }
        using (data)
        {
            // QRCoder's matrix carries the quiet zone; the code is what lies inside it.
            var size = data.ModuleMatrix.Count - 2 * QrSvg.QuietZone;
            var modules = new bool[size * size];
            for (var y = 0; y < size; y++)
            {
                var row = data.ModuleMatrix[y + QrSvg.QuietZone];
                for (var x = 0; x < size; x++) modules[y * size + x] = row[x + QrSvg.QuietZone];
            }
            return new QrCode(data.Version, level, size, modules);
        }
    }

    private static QRCodeGenerator.ECCLevel Library(QrErrorCorrection level) => level switch
    {
        QrErrorCorrection.L => QRCodeGenerator.ECCLevel.L,
        QrErrorCorrection.M => QRCodeGenerator.ECCLevel.M,
        QrErrorCorrection.Q => QRCodeGenerator.ECCLevel.Q,
        _ => QRCodeGenerator.ECCLevel.H,
    };
}
