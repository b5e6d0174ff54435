using Kith.Platform.Time;
using System.Globalization;
using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Freshness;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Editing.UpdateCapacity;

/// <summary>What a quick update may set: the unit counted, how many are free, how many there are, and the waiting list.</summary>
internal sealed record CapacityRequest(string? Unit, decimal? Available, decimal? Maximum, bool? Waitlist);

internal sealed record CapacityResponse(string ServiceId, string Unit, decimal Available, decimal? Maximum, bool Waitlist, DateTime Updated);

internal sealed record CapacityResult(Ownership Access, CapacityResponse? Saved, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// The shelter's "3 beds free" update, from the API or the list page's small form. The figure for the unit is
/// replaced (another unit the service counts is left alone); recorded like any other directory change.
/// </summary>
internal sealed class CapacityUpdate(KithDb db, ServiceOwnership ownership, ChangeRecord changes, DeploymentCalendar calendar, AuditLog audit)
{
    public async Task<CapacityResult> SaveAsync(string id, string? unit, string? available, string? maximum, bool waitlist, ClaimsPrincipal user, CancellationToken ct)
    {
        var access = await ownership.CheckAsync(user, id, ct);
        if (access != Ownership.Allowed) return new(access, null, new Dictionary<string, string[]>());
        var errors = CapacityRules.Validate(unit, available, maximum, optional: false, out var free, out var total);
        if (errors.Count > 0) return new(access, null, errors);
        unit = unit!.Trim();

        var now = calendar.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var service = await db.Services.SingleAsync(s => s.Id == id, ct);
        var capacity = await db.ServiceCapacities.SingleOrDefaultAsync(c => c.ServiceId == id && c.Unit == unit, ct);
        var before = Fields(capacity, service.Waitlist);
        capacity ??= db.ServiceCapacities.Add(new ServiceCapacity { Id = Guid.NewGuid().ToString(), ServiceId = id, Unit = unit }).Entity;
        capacity.Available = free!.Value;
        capacity.Maximum = total;
        capacity.Updated = now;
        service.Waitlist = waitlist;
        service.LastModified = now;
        changes.Add("service", id, before, Fields(capacity, waitlist), ChangeRecord.Editor(user));
        await db.SaveChangesAsync(ct);
        await db.BumpRevisionAsync(now, ct);
        await audit.RecordAsync("directory.capacity-updated", user.FindFirstValue(ClaimTypes.NameIdentifier), "service", id, ct: ct);
        await transaction.CommitAsync(ct);
        return new(access, new CapacityResponse(id, unit, capacity.Available, capacity.Maximum, waitlist, now), errors);
    }

    private static Dictionary<string, string> Fields(ServiceCapacity? c, bool waitlist) => new()
    {
        ["capacities"] = c is null ? "" : $"{Text(c.Available)}/{Text(c.Maximum)} {c.Unit}",
        ["waitlist"] = waitlist ? "true" : "false",
    };

    public static string Text(decimal? n) => n?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
}
