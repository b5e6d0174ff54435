using System.Security.Cryptography;
using System.Text;

namespace Kith.Platform.Security;

/// <summary>
/// A private code a person keeps instead of an account (a concern's receipt, a safety plan's code):
/// 20 Crockford base-32 characters (100 bits of entropy), shown in groups of four. Only a keyed hash is
/// stored; the key lives in the key ring outside the database, so a stolen database alone cannot test guesses.
/// </summary>
internal class PrivateCode(byte[] key)
{
    public const int Length = 20;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U

    public static string Generate()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>
    /// A code made from 20 or more bytes that are already unpredictable (a keyed hash), for a code that must come out the
    /// same again from the same input: 5 bits of each of the first 20 bytes, so every character is equally likely.
    /// </summary>
    public static string From(ReadOnlySpan<byte> unpredictable)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unpredictable.Length, Length);
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[unpredictable[i] & 31];
        return new string(chars);
    }

    /// <summary>"7K3P-9XQM-…": easier to copy, read aloud and write down.</summary>
    public static string Grouped(string code) =>
        string.Join('-', Enumerable.Range(0, (code.Length + 3) / 4).Select(i => code.Substring(i * 4, Math.Min(4, code.Length - i * 4))));

    /// <summary>What a person typed, made canonical: case, spaces and dashes ignored; O→0, I and L→1 as Crockford reads them.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64) return null;
        var sb = new StringBuilder(Length);
        foreach (var raw in typed)
        {
            if (raw is ' ' or '-' or '\t') continue;
            var c = char.ToUpperInvariant(raw) switch { 'O' => '0', 'I' or 'L' => '1', var x => x };
            if (!Alphabet.Contains(c)) return null;
            sb.Append(c);
        }
        return sb.Length == Length ? sb.ToString() : null;
    }

    /// <summary>
    /// The code a seed always gives under this key (e.g. a form's one-time token): a form sent twice answers with the same
    /// code without the code being stored, and without the key nobody can tell the code from the seed.
    /// </summary>
    public string Derived(string seed) => From(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("derived:" + seed)));

    public string Hash(string normalized) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(normalized))).ToLowerInvariant();

    /// <summary>Constant-time: how long this takes says nothing about how much of the hash matched.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
