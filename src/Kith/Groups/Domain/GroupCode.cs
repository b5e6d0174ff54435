using System.Security.Cryptography;
using System.Text;
using Kith.Platform.Security;

namespace Kith.Groups.Domain;

/// <summary>
/// A group member's private code (a <see cref="PrivateCode"/> with its own key-ring secret) and the secret in their
/// calendar feed's address, derived from the code and a version: whoever has the code can be shown the address again,
/// the address alone reveals nothing of the code, and bumping the version retires the old address.
/// </summary>
internal sealed class GroupCode(byte[] key) : PrivateCode(key)
{
    private readonly byte[] feedKey = HMACSHA256.HashData(key, "groups:feed"u8);

    /// <summary>32 lowercase hex characters (128 bits): unguessable, and safe in a URL path.</summary>
    public string FeedToken(string normalizedCode, int version) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(feedKey, Encoding.ASCII.GetBytes($"{normalizedCode}:{version}")))[..32];

    /// <summary>
    /// The new code a join sent with this one-time token (a form's, or an API client's Idempotency-Key) makes: the same
    /// token gives the same code, so a re-sent form shows the code it showed the first time and nothing but the code's
    /// keyed hash is ever stored. Only whoever holds the key ring can tell a code from its token.
    /// </summary>
    public string CodeFor(string token) => Derived("groups:once:" + token);
}

/// <summary>What a calendar, a lock screen or a reminder calls a group for someone who asked for neutral titles.</summary>
internal static class GroupTitles
{
    public static string For(Group group, bool neutral, DateTime startLocal) =>
        neutral ? $"{startLocal.DayOfWeek} group" : group.Name;
}
