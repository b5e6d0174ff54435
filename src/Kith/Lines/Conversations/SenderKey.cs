using System.Security.Cryptography;
using System.Text;

namespace Kith.Lines.Conversations;

/// <summary>
/// A texter's number as Kith keeps it to recognise them again (their open conversation, their opt-out, their
/// history): an HMAC-SHA256 with the lines' own key-ring secret, so a stolen database cannot test numbers.
/// </summary>
internal sealed class SenderKey(byte[] key)
{
    public string Hash(string number) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Normalize(number))));

    /// <summary>
    /// A web-chat visitor's session value under the same key. Numbers are hashed as digits and a plus only, so
    /// "web:…" can never be a number's hash: the two kinds of sender cannot collide.
    /// </summary>
    public string HashWeb(string session) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("web:" + session)));

    /// <summary>Digits and a leading plus only: "+1 (507) 555-0100" and "+15075550100" are one sender.</summary>
    public static string Normalize(string number) =>
        new([.. number.Trim().Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0))]);
}
