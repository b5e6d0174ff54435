using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kith.Platform.Audit;

/// <summary>
/// The chain rule: each entry's hash is an HMAC over its own fields and the previous entry's hash,
/// keyed with a secret kept outside the database — so an edit, a deletion or a re-ordering breaks the
/// chain, and someone holding only the database cannot re-forge it.
/// </summary>
internal sealed class AuditChain(byte[] key)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public string HashOf(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            e.ActorId ?? "", e.Action, e.SubjectType ?? "", e.SubjectId ?? "", e.Detail ?? "", e.PreviousHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the log in id order, one entry at a time, remembering only the last link.</summary>
    public sealed class Walk(AuditChain chain)
    {
        public long Checked { get; private set; }
        public string Head { get; private set; } = Genesis;

        /// <summary>Returns the break this entry reveals, or null when it links correctly.</summary>
        public AuditBreak? Next(AuditEntry e)
        {
            var expectedId = Checked + 1;
            if (e.Id != expectedId)
                return new(expectedId, $"entry {expectedId} is missing (the next entry found is {e.Id})");
            if (!Same(e.PreviousHash, Head))
                return new(e.Id, "its previous-hash link does not match the entry before it");
            if (!Same(e.Hash, chain.HashOf(e)))
                return new(e.Id, "its contents do not match its hash (the row was edited)");
            Head = e.Hash;
            Checked++;
            return null;
        }

        private static bool Same(string a, string b) =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
    }
}

internal sealed record AuditBreak(long EntryId, string Reason);
