using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Kith.Lines.WebChat;

/// <summary>
/// How a web-chat visitor is known: one random 128-bit value in a session cookie (HttpOnly, SameSite=Strict, Secure on
/// https, sent to <c>/chat</c> only), never in a URL. Only its keyed hash is stored; quick exit (<c>/exit</c>) and
/// "End chat" clear it, and closing the browser forgets it.
/// </summary>
internal static partial class ChatCookie
{
    public const string Name = "kith-chat";
    private const string Path = "/chat";

    /// <summary>The visitor's value, or null when there is none (or it is not one Kith could have made).</summary>
    public static string? Read(HttpContext http) =>
        http.Request.Cookies[Name] is { } value && Shape().IsMatch(value) ? value : null;

    /// <summary>The visitor's value, made and set now when they have none.</summary>
    public static string Start(HttpContext http)
    {
        if (Read(http) is { } value) return value;
        value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(Name, value, Options(http));
        return value;
    }

    public static void Forget(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http));

    // No Expires and no Max-Age: a session cookie, gone when the browser closes.
    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = Path, IsEssential = true,
    };

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Shape();
}
