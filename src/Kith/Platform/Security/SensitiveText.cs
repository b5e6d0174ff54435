using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Kith.Platform.Security;

/// <summary>
/// Encrypts sensitive free text at rest with Data Protection. Ciphertext carries a prefix so a value is
/// never encrypted twice and rows written before encryption was switched on still read.
/// </summary>
internal sealed class SensitiveText
{
    public const string Prefix = "kp1:";
    private readonly IDataProtector protector;

    public SensitiveText(IDataProtectionProvider provider) => protector = provider.CreateProtector("Kith.SensitiveText.v1");

    public string Protect(string plain) =>
        IsProtected(plain) ? plain : Prefix + protector.Protect(plain);

    public string Unprotect(string stored) =>
        stored.StartsWith(Prefix, StringComparison.Ordinal)
            ? protector.Unprotect(stored[Prefix.Length..])
            : stored;

    /// <summary>True only for our own ciphertext: a person may type the prefix, and that must still be encrypted.</summary>
    public bool IsProtected(string value)
    {
        if (!value.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        try
        {
            protector.Unprotect(value[Prefix.Length..]);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
