using System.Security.Cryptography;
using System.Text;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Web.Once;

/// <summary>
/// The rules of one kind of write taken once: its name, how long a key is remembered (a second send within it
/// never writes again), and how long the stored answer may be replayed (after that, only "already sent").
/// </summary>
internal sealed record SentOnceScope(string Name, TimeSpan Keep, TimeSpan ReplayFor);

internal enum SentOnceOutcome
{
    /// <summary>The key is new and now held by this request: do the write, then <see cref="SentOnce.CompleteAsync"/> or <see cref="SentOnce.ReleaseAsync"/>.</summary>
    First,
    /// <summary>Done before with the same body: <see cref="SentOnceClaim.Response"/> is the stored answer (null once past its replay time).</summary>
    Done,
    /// <summary>Another request with this key is still working.</summary>
    Busy,
    /// <summary>The key was used with a different body.</summary>
    Different,
}

internal sealed record SentOnceClaim(SentOnceOutcome Outcome, string KeyHash, int? Status = null, string? Response = null);

/// <summary>
/// Makes a write happen once per key (a form's one-time token, an API's Idempotency-Key; ADR 26). The first
/// request inserts the key — a primary key, so of two requests at once exactly one wins, with no read-then-write —
/// and stores its answer encrypted when done; a repeat with the same body gets that answer, a repeat with another
/// body is told so. Keys and bodies are stored only as keyed hashes: the key alone never opens an answer.
/// </summary>
internal sealed class SentOnce(KithDb db, SentOnceSecret secret, TimeProvider time)
{
    /// <summary>A fresh one-time token for a form's hidden field (128 random bits).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <param name="fingerprint">The request's body in a canonical form (what makes two sends "the same").</param>
    public async Task<SentOnceClaim> ClaimAsync(SentOnceScope scope, string key, string fingerprint, CancellationToken ct)
    {
        var keyHash = secret.Hash(scope.Name, key);
        var print = secret.Hash(scope.Name, key + "\n" + fingerprint);
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            // A key past its time, not yet purged, is free again.
            await db.SentOnce.Where(r => r.Scope == scope.Name && r.KeyHash == keyHash && r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
            var replayUntil = now + scope.ReplayFor;
            var expires = now + scope.Keep;
            var inserted = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO platform_sent_once (scope, key_hash, fingerprint, created_at, replay_until, expires_at) VALUES ({scope.Name}, {keyHash}, {print}, {now}, {replayUntil}, {expires}) ON CONFLICT DO NOTHING", ct);
            if (inserted == 1) return new(SentOnceOutcome.First, keyHash);
            var row = await db.SentOnce.AsNoTracking().Where(r => r.Scope == scope.Name && r.KeyHash == keyHash)
                .Select(r => new { r.Fingerprint, r.Status, r.Response, r.ReplayUntil }).FirstOrDefaultAsync(ct);
            // Released between our insert and our read: try again (a few times at most).
            if (row is null && attempt < 3) continue;
            if (row is null) return new(SentOnceOutcome.Busy, keyHash);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.Fingerprint), Encoding.ASCII.GetBytes(print)))
                return new(SentOnceOutcome.Different, keyHash);
            if (row.Status is null) return new(SentOnceOutcome.Busy, keyHash);
            return new(SentOnceOutcome.Done, keyHash, row.Status, row.ReplayUntil > now ? row.Response : null);
        }
    }

    /// <summary>
    /// Like <see cref="ClaimAsync"/>, but waits (up to <paramref name="patience"/>) while another request with the
    /// key is still working — a double tap should get the first tap's answer, not an error.
    /// </summary>
    public async Task<SentOnceClaim> ClaimOrWaitAsync(SentOnceScope scope, string key, string fingerprint, TimeSpan patience, CancellationToken ct)
    {
        var until = DateTime.UtcNow + patience; // real time: a test clock must not make this wait forever
        while (true)
        {
            var claim = await ClaimAsync(scope, key, fingerprint, ct);
            if (claim.Outcome != SentOnceOutcome.Busy || DateTime.UtcNow >= until) return claim;
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    /// <summary>Stores the answer of a write this request claimed (encrypted at rest).</summary>
    public async Task CompleteAsync(SentOnceScope scope, SentOnceClaim claim, int status, string response, CancellationToken ct)
    {
        var row = await db.SentOnce.SingleAsync(r => r.Scope == scope.Name && r.KeyHash == claim.KeyHash, ct);
        row.Status = status;
        row.Response = response;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Frees a claimed key when nothing was written (the body was refused, or the write failed): it may be sent again.</summary>
    public Task ReleaseAsync(SentOnceScope scope, SentOnceClaim claim, CancellationToken ct) =>
        db.SentOnce.Where(r => r.Scope == scope.Name && r.KeyHash == claim.KeyHash && r.Status == null).ExecuteDeleteAsync(ct);
}

/// <summary>The key-ring secret the keys and bodies are hashed with: a stolen database cannot test a guessed key or body.</summary>
internal sealed class SentOnceSecret(byte[] key)
{
    public string Hash(string scope, string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope + "\n" + text)));
}

/// <summary>A row of <c>platform_sent_once</c>.</summary>
internal sealed class SentOnceEntry
{
    public required string Scope { get; set; }
    public required string KeyHash { get; set; }
    public required string Fingerprint { get; set; }
    /// <summary>The answer's HTTP status; null while the first request is still working.</summary>
    public int? Status { get; set; }
    /// <summary>The answer, encrypted at rest; removed by the purge after <see cref="ReplayUntil"/>.</summary>
    public string? Response { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ReplayUntil { get; set; }
    public DateTime ExpiresAt { get; set; }
}
