using System.Security.Cryptography;
using System.Text;

namespace Kith.Screening.Campaigns.Domain;

/// <summary>
/// The public code of a campaign's link: 13 Crockford base-32 characters, 65 random bits, so nobody finds a
/// campaign by guessing and a link shared in one school does not lead to another's. Short enough for a QR code
/// a phone reads from across a classroom, and to type from a poster.
/// </summary>
internal static class CampaignCode
{
    public const int Length = 13;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U

    public static string Generate()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>What was typed or scanned, made canonical (case ignored; O→0, I and L→1), or null if it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrEmpty(typed) || typed.Length != Length) return null;
        var sb = new StringBuilder(Length);
        foreach (var raw in typed)
        {
            var c = char.ToUpperInvariant(raw) switch { 'O' => '0', 'I' or 'L' => '1', var x => x };
            if (!Alphabet.Contains(c)) return null;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
