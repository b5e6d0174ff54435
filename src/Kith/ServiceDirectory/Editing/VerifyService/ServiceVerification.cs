using Kith.Platform.Time;
using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Freshness;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Editing.VerifyService;

/// <summary>"Still correct": the owner confirms the record as of today, which also ends any pending reminder.</summary>
internal sealed class ServiceVerification(KithDb db, ServiceOwnership ownership, ChangeRecord changes, DeploymentCalendar calendar, AuditLog audit)
{
    public static void Apply(Service s, ClaimsPrincipal user, DateOnly today)
    {
        s.AssuredDate = today;
        s.AssuredBy = ChangeRecord.Editor(user);
        s.AssurerEmail = user.FindFirstValue(ClaimTypes.Email);
        s.VerificationReminderSentAt = null;
    }

    public async Task<Ownership> VerifyAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var access = await ownership.CheckAsync(user, id, ct);
        if (access != Ownership.Allowed) return access;
        var now = calendar.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var service = await db.Services.SingleAsync(s => s.Id == id, ct);
        var before = Fields(service);
        Apply(service, user, calendar.Today);
        service.LastModified = now;
        changes.Add("service", id, before, Fields(service), ChangeRecord.Editor(user));
        await db.SaveChangesAsync(ct);
        await db.BumpRevisionAsync(now, ct);
        await audit.RecordAsync("directory.service-verified", user.FindFirstValue(ClaimTypes.NameIdentifier), "service", id, ct: ct);
        await transaction.CommitAsync(ct);
        return Ownership.Allowed;
    }

    private static Dictionary<string, string> Fields(Service s) => new()
    {
        ["assured_date"] = s.AssuredDate?.ToString("yyyy-MM-dd") ?? "",
        ["assurer_email"] = s.AssurerEmail ?? "",
    };
}
