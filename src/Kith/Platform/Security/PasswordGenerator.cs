using System.Security.Cryptography;

namespace Kith.Platform.Security;

/// <summary>
/// Temporary and demo passwords: five groups of four from an alphabet without look-alikes
/// (about 100 bits), easy to read aloud over the phone and to type.
/// </summary>
internal sealed class PasswordGenerator
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public string Generate()
    {
        Span<char> chars = stackalloc char[24];
        var n = 0;
        for (var group = 0; group < 5; group++)
        {
            if (group > 0) chars[n++] = '-';
            for (var i = 0; i < 4; i++) chars[n++] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars[..n]);
    }
}
