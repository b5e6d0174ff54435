using System.Security.Cryptography;
using System.Text;

namespace Kith.Screening.SafetyPlans;

/// <summary>
/// Envelope encryption of a plan. A random data key encrypts the plan (AES-256-GCM); the data key is kept
/// only wrapped under keys derived from the person's code, or a share code (HKDF-SHA256, a fresh salt
/// each time). The server never keeps the data key or a code, so without a code nobody — staff, an
/// operator, whoever holds the database — can read a plan. The plan's id is bound in as associated data,
/// so sealed bytes moved to another row do not open.
/// </summary>
internal static class PlanSeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    public const int KeySize = 32;
    public const int SaltSize = 16;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltSize);

    /// <summary>The key that wraps the data key, from a normalised code and the salt stored beside the wrapped key.</summary>
    public static byte[] KeyFromCode(string normalizedCode, byte[] salt, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.ASCII.GetBytes(normalizedCode), KeySize, salt, Encoding.ASCII.GetBytes("kith.safety-plan." + purpose));

    /// <summary>nonce ‖ tag ‖ ciphertext.</summary>
    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plain, Guid planId)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), planId.ToByteArray());
        return sealedBytes;
    }

    /// <summary>The plain bytes, or null when the key is not the one that sealed them (or the bytes were changed).</summary>
    public static byte[]? Open(byte[] key, byte[] sealedBytes, Guid planId)
    {
        if (sealedBytes.Length < NonceSize + TagSize) return null;
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, planId.ToByteArray());
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
