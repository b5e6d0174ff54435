using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Security;
using Kith.Platform.Time;
using Kith.Referrals.Domain;
using Kith.ServiceDirectory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Referrals.Send;

/// <summary>What sending came to: the referral's id and reference, or the problems by field (400), or 403.</summary>
internal sealed record SendResult(Guid? Id, string? Reference, Dictionary<string, string[]> Errors, bool Forbidden = false)
{
    public static SendResult Invalid(string field, string message) => new(null, null, new() { [field] = [message] });
}

/// <summary>
/// A responder or coordinator refers a person to another partner organisation's service. The service must be active
/// in the directory, run by a Kith organisation that takes referrals (it named an intake team), and not the sender's
/// own. The referral starts "requested" with a response deadline in business days; the intake team is paged; the
/// step is the first line of the history both sides read; the whole commits at once or not at all.
/// </summary>
internal sealed class SendReferral(KithDb db, IDirectoryServices directory, ReferralNews news, AuditLog audit,
    DeploymentCalendar calendar, TimeProvider time)
{
    public async Task<SendResult> SendAsync(SendReferralRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var errors = SendReferralRules.Check(request);
        if (errors.Count > 0) return new(null, null, errors);

        var mine = user.Organisations();
        if (mine.Count == 0) return new(null, null, [], Forbidden: true);
        Guid from;
        if (request.FromOrganisationId is { } chosen)
        {
            if (!mine.Contains(chosen)) return SendResult.Invalid("fromOrganisationId", "You can refer only from an organisation you belong to.");
            from = chosen;
        }
        else if (mine.Count == 1) from = mine[0];
        else return SendResult.Invalid("fromOrganisationId", "You belong to several organisations: say which one is referring.");

        var service = (await directory.FindAsync([request.ServiceId!.Trim()], "en", ct)).SingleOrDefault();
        if (service is null) return SendResult.Invalid("serviceId", "No active service has this id in the directory.");
        if (service.KithOrganisationId is not { } to)
            return SendResult.Invalid("serviceId", $"{service.Name} is not run by a partner organisation in Kith: give the person its details instead.");
        if (to == from) return SendResult.Invalid("serviceId", "A referral goes to another organisation; this service is your own.");
        var intake = await db.ReferralIntakes.AsNoTracking().SingleOrDefaultAsync(i => i.OrganisationId == to, ct);
        if (intake is null)
            return SendResult.Invalid("serviceId", $"{service.OrganizationName ?? service.Name} does not take referrals through Kith yet: give the person its details instead.");

        var now = time.GetUtcNow().UtcDateTime;
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(now),
            Reference = "R-" + PrivateCode.Generate()[..6],
            RequesterOrganisationId = from,
            RequestedBy = me,
            ReceiverOrganisationId = to,
            ServiceId = service.ServiceId,
            Status = ReferralStatus.Requested.Code(),
            PersonName = request.PersonName!.Trim(),
            ContactPreference = request.ContactPreference!,
            Contact = string.IsNullOrWhiteSpace(request.Contact) ? null : request.Contact.Trim(),
            Need = string.IsNullOrWhiteSpace(request.Need) ? null : request.Need.Trim(),
            Language = request.Language,
            RiskTier = request.RiskTier,
            ConsentHow = request.ConsentHow!,
            ConsentAt = now,
            SourceKind = request.SourceKind,
            SourceId = request.SourceId,
            CreatedAt = now,
            UpdatedAt = now,
            RespondBy = calendar.ToUtc(ResponseDeadline.Due(calendar.ToLocal(now), intake.ResponseBusinessDays)),
        };
        db.Referrals.Add(referral);
        db.ReferralSteps.Add(new ReferralStep
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, FromStatus = null, ToStatus = referral.Status,
            Party = nameof(ReferralParty.Requester).ToLowerInvariant(), ByUserId = me, At = now,
        });
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await news.SentAsync(referral, intake, now, ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("referrals.sent", me, "referral", referral.Id.ToString(),
            new { from, to, service = service.ServiceId, shared = Shared(referral) }, ct);
        await transaction.CommitAsync(ct);
        await news.AfterCommitAsync(ct);
        return new(referral.Id, referral.Reference, []);
    }

    /// <summary>What was shared, by name only, for the audit entry (never the values).</summary>
    private static string[] Shared(Referral r) =>
        [.. new[] { ("contact", r.Contact), ("need", r.Need), ("language", r.Language), ("riskTier", r.RiskTier) }
            .Where(x => x.Item2 is not null).Select(x => x.Item1)];
}
