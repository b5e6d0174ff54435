using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Web.Once;

/// <summary>
/// Which result a slot holds and the one page that shows it. The cookie is named for the kind, so two kinds
/// never overwrite each other, and is sent only to that page's path.
/// </summary>
/// <param name="Kind">Short and stable, e.g. "concern-receipt" (at most 50 characters: letters, digits, dashes).</param>
/// <param name="Page">The GET page the POST redirects to, e.g. "/concerns/sent".</param>
internal sealed record OnceSlot(string Kind, string Page)
{
    public string CookieName => "kith-once-" + Kind;
}

/// <summary>
/// A result shown once, after a redirect (Post/Redirect/Get, ADR 26): it waits in the database — encrypted with
/// the sensitive-text key, at most <see cref="Lifetime"/>, readable by any node — and only its random id travels,
/// in a session cookie scoped to the page that shows it; never in a URL. A refresh within the lifetime shows the
/// same result; after it (the purge removes the row) the page says it was already shown.
/// </summary>
internal sealed class ShownOnce(KithDb db, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int IdBytes = 16; // 128 bits: not guessable, not enumerable
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keeps <paramref name="value"/> for this browser and sets the slot's cookie on the response (call before it starts).</summary>
    public async Task PutAsync<T>(HttpContext http, OnceSlot slot, T value, CancellationToken ct)
    {
        var id = Base64Url(RandomNumberGenerator.GetBytes(IdBytes));
        var now = time.GetUtcNow().UtcDateTime;
        db.ShownOnce.Add(new ShownOnceEntry
        {
            IdHash = Hash(id), Kind = slot.Kind, Content = JsonSerializer.Serialize(value, Json), CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        await db.SaveChangesAsync(ct);
        http.Response.Cookies.Append(slot.CookieName, id, CookieFor(http, slot));
    }

    /// <summary>
    /// The result this browser's cookie points to, while it lasts; null when there is no cookie, or the slot has
    /// expired or was purged (the cookie is then removed).
    /// </summary>
    public async Task<T?> ReadAsync<T>(HttpContext http, OnceSlot slot, CancellationToken ct) where T : class
    {
        if (!http.Request.Cookies.TryGetValue(slot.CookieName, out var id) || id is null) return null;
        var hash = WellFormed(id) ? Hash(id) : null;
        var now = time.GetUtcNow().UtcDateTime;
        var content = hash is null ? null : await db.ShownOnce.AsNoTracking()
            .Where(s => s.IdHash == hash && s.Kind == slot.Kind && s.ExpiresAt > now)
            .Select(s => s.Content).FirstOrDefaultAsync(ct);
        if (content is null)
        {
            http.Response.Cookies.Delete(slot.CookieName, CookieFor(http, slot));
            return null;
        }
        return JsonSerializer.Deserialize<T>(content, Json);
    }

    /// <summary>A session cookie (no Expires: it ends with the browser), for scripts unreadable, sent only to the slot's page.</summary>
    private static CookieOptions CookieFor(HttpContext http, OnceSlot slot) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = slot.Page,
        IsEssential = true,
    };

    /// <summary>Only a hash of the id is stored: the database alone cannot be turned into a cookie that opens a slot.</summary>
    internal static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(id)));

    private static bool WellFormed(string id) => id.Length == 22 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A row of <c>platform_shown_once</c>.</summary>
internal sealed class ShownOnceEntry
{
    public required string IdHash { get; set; }
    public required string Kind { get; set; }
    /// <summary>The result as JSON, encrypted at rest.</summary>
    public required string Content { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
