using System.Text.Json;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Screening.SafetyPlans;

/// <summary>A plan as its owner sees it, opened with their code.</summary>
internal sealed record OpenedPlan(Guid Id, PlanContent Content, DateTime? SharedUntil);

/// <summary>A share code, shown once, and until when it works.</summary>
internal sealed record PlanShare(string Code, DateTime Until);

/// <summary>
/// Keeps plans sealed (see <see cref="PlanSeal"/>). Every method that takes a code answers a wrong, malformed,
/// deleted, expired or revoked one the same way — null or false — so answers say nothing about which codes exist.
/// </summary>
internal sealed class SafetyPlanStore(KithDb db, PlanCode codes, AuditLog audit, IOptions<SafetyPlanOptions> options, TimeProvider time)
{
    private const string Owner = "owner";
    private const string Share = "share";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Seals a new plan and returns its code, grouped for reading. The code exists nowhere else after this.</summary>
    public async Task<string> CreateAsync(PlanContent content, CancellationToken ct)
    {
        var now = Now;
        var code = PlanCode.Generate();
        var dataKey = PlanSeal.NewKey();
        var plan = new SafetyPlan
        {
            Id = Guid.CreateVersion7(now),
            CodeHash = codes.Hash(code),
            CodeSalt = PlanSeal.NewSalt(),
            CodeKey = [],
            Content = [],
            CreatedAt = now,
            UpdatedAt = now,
            LastUsedAt = now,
        };
        plan.CodeKey = PlanSeal.Seal(PlanSeal.KeyFromCode(code, plan.CodeSalt, Owner), dataKey, plan.Id);
        plan.Content = PlanSeal.Seal(dataKey, JsonSerializer.SerializeToUtf8Bytes(content, Json), plan.Id);
        db.SafetyPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return PlanCode.Grouped(code);
    }

    public async Task<OpenedPlan?> OpenAsync(string? typed, CancellationToken ct)
    {
        if (await UnlockAsync(typed, ct) is not var (plan, dataKey)) return null;
        plan.LastUsedAt = Now;
        await db.SaveChangesAsync(ct);
        return new(plan.Id, Read(plan, dataKey), LiveShareUntil(plan));
    }

    /// <summary>Replaces the content; the same code keeps working (the data key stays, the nonce is fresh).</summary>
    public async Task<OpenedPlan?> SaveAsync(string? typed, PlanContent content, CancellationToken ct)
    {
        if (await UnlockAsync(typed, ct) is not var (plan, dataKey)) return null;
        plan.Content = PlanSeal.Seal(dataKey, JsonSerializer.SerializeToUtf8Bytes(content, Json), plan.Id);
        plan.UpdatedAt = plan.LastUsedAt = Now;
        await db.SaveChangesAsync(ct);
        return new(plan.Id, content, LiveShareUntil(plan));
    }

    public async Task<bool> DeleteAsync(string? typed, CancellationToken ct)
    {
        if (await UnlockAsync(typed, ct) is not var (plan, _)) return false;
        db.SafetyPlans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A new share code wrapping the same data key; any earlier share code stops working.</summary>
    public async Task<PlanShare?> ShareAsync(string? typed, CancellationToken ct)
    {
        if (await UnlockAsync(typed, ct) is not var (plan, dataKey)) return null;
        var now = Now;
        var code = PlanCode.Generate();
        plan.ShareHash = codes.Hash(code);
        plan.ShareSalt = PlanSeal.NewSalt();
        plan.ShareKey = PlanSeal.Seal(PlanSeal.KeyFromCode(code, plan.ShareSalt, Share), dataKey, plan.Id);
        plan.SharedUntil = now.AddDays(Math.Max(1, options.Value.ShareDays));
        plan.LastUsedAt = now;
        await db.SaveChangesAsync(ct);
        return new(PlanCode.Grouped(code), plan.SharedUntil.Value);
    }

    /// <summary>Forgets the share: its wrapped key is gone, so the share code opens nothing ever again.</summary>
    public async Task<bool> StopSharingAsync(string? typed, CancellationToken ct)
    {
        if (await UnlockAsync(typed, ct) is not var (plan, _)) return false;
        Unshare(plan);
        plan.LastUsedAt = Now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A staff member reads a shared plan. Every successful read is audited with who read which plan.</summary>
    public async Task<OpenedPlan?> ReadSharedAsync(string? typed, string staffId, CancellationToken ct)
    {
        var normalized = PlanCode.Normalize(typed);
        var hash = codes.Hash(normalized ?? "-");
        var plan = normalized is null ? null : await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ShareHash == hash, ct);
        if (plan is not { ShareHash: { } stored, ShareSalt: { } salt, ShareKey: { } wrapped } || !PlanCode.SameHash(stored, hash)
            || LiveShareUntil(plan) is not { } until
            || PlanSeal.Open(PlanSeal.KeyFromCode(normalized!, salt, Share), wrapped, plan.Id) is not { } dataKey)
            return null;
        await audit.RecordAsync("safety-plan.read", staffId, "safety-plan", plan.Id.ToString(), new { via = "share-code" }, ct);
        return new(plan.Id, Read(plan, dataKey), until);
    }

    public static void Unshare(SafetyPlan plan)
    {
        plan.ShareHash = null;
        plan.ShareSalt = null;
        plan.ShareKey = null;
        plan.SharedUntil = null;
    }

    private async Task<(SafetyPlan Plan, byte[] DataKey)?> UnlockAsync(string? typed, CancellationToken ct)
    {
        var normalized = PlanCode.Normalize(typed);
        // Hash even a malformed code, so a wrong one costs the same time as a right one.
        var hash = codes.Hash(normalized ?? "-");
        var plan = normalized is null ? null : await db.SafetyPlans.SingleOrDefaultAsync(p => p.CodeHash == hash, ct);
        if (plan is null || !PlanCode.SameHash(plan.CodeHash, hash)) return null;
        return PlanSeal.Open(PlanSeal.KeyFromCode(normalized!, plan.CodeSalt, Owner), plan.CodeKey, plan.Id) is { } dataKey ? (plan, dataKey) : null;
    }

    private static PlanContent Read(SafetyPlan plan, byte[] dataKey) =>
        PlanSeal.Open(dataKey, plan.Content, plan.Id) is { } plain
            ? JsonSerializer.Deserialize<PlanContent>(plain, Json) ?? PlanContent.Empty
            : throw new InvalidOperationException($"Safety plan {plan.Id} does not open with its own data key.");

    private DateTime? LiveShareUntil(SafetyPlan plan) => plan.SharedUntil is { } until && until > Now ? until : null;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
