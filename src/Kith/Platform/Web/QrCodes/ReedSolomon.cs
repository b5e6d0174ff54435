namespace Kith.Platform.Web.QrCodes;

/// <summary>
/// Reed–Solomon error correction over GF(256) with QR's field polynomial x⁸+x⁴+x³+x²+1 (0x11D):
/// the codewords that let a reader rebuild a block when part of the print is damaged.
/// </summary>
internal static class ReedSolomon
{
    // Multiplication by logarithms: Exp[i] = αⁱ, Log[Exp[i]] = i, with α = 2 generating the field.
    private static readonly byte[] Exp = new byte[255];
    private static readonly int[] Log = new int[256];

    static ReedSolomon()
    {
        var value = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = (byte)value;
            Log[value] = i;
            value <<= 1;
            if (value > 0xFF) value ^= 0x11D;
        }
    }

    public static byte Multiply(byte a, byte b) =>
        a == 0 || b == 0 ? (byte)0 : Exp[(Log[a] + Log[b]) % 255];

    /// <summary>
    /// The generator (x − α⁰)(x − α¹)…(x − α^(degree−1)), highest power first without its leading 1.
    /// </summary>
    public static byte[] Generator(int degree)
    {
        var coefficients = new byte[degree];
        coefficients[degree - 1] = 1; // start from the polynomial 1
        for (var i = 0; i < degree; i++)
        {
            var root = Exp[i];
            // Multiply by (x − root); in GF(256) subtraction is XOR.
            for (var j = 0; j < degree; j++)
            {
                coefficients[j] = Multiply(coefficients[j], root);
                if (j + 1 < degree) coefficients[j] ^= coefficients[j + 1];
            }
        }
        return coefficients;
    }

    /// <summary>The error-correction codewords of a block: the remainder of data·x^degree divided by the generator.</summary>
    public static byte[] Remainder(ReadOnlySpan<byte> data, byte[] generator)
    {
        var remainder = new byte[generator.Length];
        foreach (var b in data)
        {
            var factor = (byte)(b ^ remainder[0]);
            Array.Copy(remainder, 1, remainder, 0, remainder.Length - 1);
            remainder[^1] = 0;
            for (var i = 0; i < remainder.Length; i++) remainder[i] ^= Multiply(generator[i], factor);
        }
        return remainder;
    }
}
