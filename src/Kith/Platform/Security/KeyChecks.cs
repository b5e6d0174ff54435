using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Kith.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Security;

/// <summary>One row per key of the key ring: proof, kept in the database, of which keys its data was made with.</summary>
internal sealed class KeyCheck
{
    public required string Name { get; set; }
    /// <summary>A secret's HMAC-SHA256 of <see cref="KeyChecks.Constant"/>; for a Data Protection key, the constant protected under it.</summary>
    public required string CheckValue { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// Compares the key ring with the check values in the database. A missing or different key beside a
/// database that used it is a problem Kith refuses to start with (and /readyz reports), because going on
/// would make new keys: earlier receipts would answer 404, the audit chain would break, old text would
/// not decrypt. The first start of a deployment records the check values (insert-or-ignore, then verify,
/// so nodes starting together agree).
/// </summary>
internal sealed class KeyChecks(KeyRing ring, IEnumerable<NamedSecret> secrets, IDataProtectionProvider dataProtection,
    IServiceScopeFactory scopes, DatabaseSettings database, TimeProvider time)
{
    public const string Constant = "Kith key check v1";
    private const string SecretPrefix = "secret:";
    private const string DataProtectionPrefix = "data-protection:";
    private const long FirstKeyLock = 0x4B697468_4B657973;
    private const int Migration = 11;
    private readonly IDataProtector protector = dataProtection.CreateProtector("Kith.KeyCheck.v1");

    /// <summary>Checks the key ring against the database and, when it holds, records check values for keys that have none.</summary>
    public async Task<IReadOnlyList<string>> VerifyAndRecordAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        if (!await HasTableAsync(scope, ct))
        {
            // A database without check values yet (pending migrations): nothing to compare; make the secrets.
            foreach (var secret in secrets) ring.ReadOrCreate(secret.Name);
            return [];
        }
        var problems = Check(await StoredAsync(db, ct));
        if (problems.Count > 0) return problems;

        foreach (var secret in secrets.DistinctBy(s => s.Name))
        {
            var key = ring.ReadOrCreate(secret.Name);
            if (key is null) return [$"Secret '{secret.Name}' ({ring.PathOf(secret.Name)}) is damaged; {KeyRing.RestoreHelp}."];
            await InsertOrIgnoreAsync(db, SecretPrefix + secret.Name, Hmac(key), ct);
        }
        await RecordDataProtectionKeyAsync(db, ct);
        // Another node may have recorded first: what counts is what the database now holds.
        return Check(await StoredAsync(db, ct));
    }

    /// <summary>For /readyz: every stored check value still verifies and every module's secret is readable.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var problems = await HasTableAsync(scope, ct)
            ? Check(await StoredAsync(scope.ServiceProvider.GetRequiredService<KithDb>(), ct)).ToList()
            : [];
        problems.AddRange(secrets.Where(s => ring.TryRead(s.Name) is null)
            .Select(s => $"Secret '{s.Name}' ({ring.PathOf(s.Name)}) is missing or damaged; {KeyRing.RestoreHelp}."));
        return problems.Distinct().ToList();
    }

    private List<string> Check(IReadOnlyDictionary<string, string> stored)
    {
        var problems = new List<string>();
        foreach (var (name, value) in stored)
        {
            if (name.StartsWith(SecretPrefix, StringComparison.Ordinal))
            {
                var secret = name[SecretPrefix.Length..];
                var key = ring.TryRead(secret);
                if (key is null)
                    problems.Add($"Secret '{secret}' ({ring.PathOf(secret)}) is missing or damaged, but the database holds data made with it; {KeyRing.RestoreHelp}.");
                else if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hmac(key)), Encoding.ASCII.GetBytes(value)))
                    problems.Add($"Secret '{secret}' ({ring.PathOf(secret)}) is not the one the database was made with; {KeyRing.RestoreHelp}.");
            }
            else if (name.StartsWith(DataProtectionPrefix, StringComparison.Ordinal))
            {
                var id = name[DataProtectionPrefix.Length..];
                if (!ReadableKeyFile(id) || !Unprotects(value))
                    problems.Add($"Data Protection key {id} (key-{id}.xml in {ring.Directory}) is missing or damaged, but the database holds data protected under it; {KeyRing.RestoreHelp}.");
            }
        }
        return problems;
    }

    /// <summary>The key file itself, not the copy Data Protection caches in memory: a folder lost while running shows.</summary>
    private bool ReadableKeyFile(string id)
    {
        try
        {
            return XDocument.Load(Path.Combine(ring.Directory, $"key-{id}.xml")).Root?.Name.LocalName == "key";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return false;
        }
    }

    private bool Unprotects(string value)
    {
        try
        {
            return protector.Unprotect(value) == Constant;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Records the current Data Protection key. Making the first key is serialised through the database, so
    /// nodes started together on an empty key folder agree on one key instead of each writing its own.
    /// </summary>
    private async Task RecordDataProtectionKeyAsync(KithDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (database.IsPostgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({FirstKeyLock})", ct);
        else await db.Database.ExecuteSqlRawAsync("UPDATE platform_key_checks SET name = name", ct); // takes the write lock (the secrets' rows exist)
        var value = protector.Protect(Constant);
        await InsertOrIgnoreAsync(db, DataProtectionPrefix + KeyIdOf(value), value, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A protected payload starts with a 4-byte magic header and the id of the key that protected it.</summary>
    private static Guid KeyIdOf(string payload) => new(WebEncoders.Base64UrlDecode(payload).AsSpan(4, 16));

    private static string Hmac(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Constant)));

    private Task InsertOrIgnoreAsync(KithDb db, string name, string value, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO platform_key_checks (name, check_value, created_at) VALUES ({name}, {value}, {time.GetUtcNow().UtcDateTime}) ON CONFLICT (name) DO NOTHING", ct);

    private static async Task<Dictionary<string, string>> StoredAsync(KithDb db, CancellationToken ct) =>
        await db.KeyChecks.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.CheckValue, ct);

    private static async Task<bool> HasTableAsync(AsyncServiceScope scope, CancellationToken ct) =>
        !(await scope.ServiceProvider.GetRequiredService<Migrator>().PendingAsync(ct)).Any(m => m.Version == Migration);
}
