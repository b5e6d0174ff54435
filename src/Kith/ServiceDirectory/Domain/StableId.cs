using System.Security.Cryptography;
using System.Text;

namespace Kith.ServiceDirectory.Domain;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5) in Kith's own namespace: the same name always gives the same id,
/// so Kith's vocabulary and the demo directory keep their ids across databases and re-imports.
/// </summary>
internal static class StableId
{
    private static readonly byte[] Namespace = new Guid("6f1e1a52-3c1b-4c5e-9a44-2b7d1c0e8f31").ToByteArray(bigEndian: true);

    public static string For(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[Namespace.Length + bytes.Length];
        Namespace.CopyTo(input, 0);
        bytes.CopyTo(input, Namespace.Length);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
