using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community.AuditTrail;

internal sealed record AuditEntryView(long Id, DateTime At, string? ActorId, string? ActorName, string Action, string? SubjectType, string? SubjectId, string? Detail);

/// <param name="NextAfterId">Pass as afterId to read the following page (oldest first); null when there is no more.</param>
internal sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? NextAfterId);

internal sealed record AuditVerificationResponse(long Entries, string HeadHash, bool Intact, AuditBreak? Break);

/// <summary>Reading and verifying the audit log (admins). Every read is itself written to the log.</summary>
internal static class AuditApi
{
    public const int MaxTake = 500;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").RequireAuthorization(StaffPolicies.Admin).WithTags("Audit");
        api.MapGet("/", List).WithName("ListAuditEntries")
            .WithSummary("Audit entries: the newest first, or with afterId the entries after that id in order (take 1–500).");
        api.MapGet("/verify", Verify).WithName("VerifyAuditLog").WithSummary("Walks the hash chain and reports the first break, if any.");
        return app;
    }

    /// <summary>Without <paramref name="afterId"/>: the newest entries, newest first. With it: entries after that id, oldest first.</summary>
    public static async Task<List<AuditEntryView>> ReadAsync(KithDb db, long? afterId, int take, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        entries = afterId is { } after ? entries.Where(e => e.Id > after).OrderBy(e => e.Id) : entries.OrderByDescending(e => e.Id);
        var page = await entries.Take(take)
            .Select(e => new AuditEntryView(e.Id, e.At, e.ActorId, null, e.Action, e.SubjectType, e.SubjectId, e.Detail)).ToListAsync(ct);
        var actors = page.Where(e => e.ActorId != null).Select(e => e.ActorId!).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return page.Select(e => e with { ActorName = e.ActorId is not null && names.TryGetValue(e.ActorId, out var n) ? n : null }).ToList();
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> List(
        long? afterId, int? take, KithDb db, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var count = take ?? 100;
        var errors = new Dictionary<string, string[]>();
        if (count is < 1 or > MaxTake) errors["take"] = [$"take must be between 1 and {MaxTake}."];
        if (afterId is < 0) errors["afterId"] = ["afterId cannot be negative."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var entries = await ReadAsync(db, afterId, count, ct);
        await audit.RecordAsync("audit.viewed", user.FindFirstValue(ClaimTypes.NameIdentifier), "audit", null, ct: ct);
        var next = afterId is not null && entries.Count == count ? entries[^1].Id : (long?)null;
        return TypedResults.Ok(new AuditPage(entries, next));
    }

    private static async Task<Ok<AuditVerificationResponse>> Verify(AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        await audit.RecordAsync("audit.verified", user.FindFirstValue(ClaimTypes.NameIdentifier), "audit", null, ct: ct);
        var result = await audit.VerifyAsync(ct);
        return TypedResults.Ok(new AuditVerificationResponse(result.Entries, result.HeadHash, result.Intact, result.Break));
    }
}
