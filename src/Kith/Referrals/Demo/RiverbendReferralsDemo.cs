using Kith.Platform.Data;
using Kith.Platform.Demo;
using Kith.Platform.Security;
using Kith.Platform.Time;
using Kith.Referrals.Domain;
using Kith.Responders.Contracts;
using Kith.ServiceDirectory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Referrals.Demo;

/// <summary>
/// Riverbend's referrals (issue 15, item 7): the clinic takes referrals through its intake team, and the high school's
/// counsellor has referred students and parents to it — one just sent, one past its deadline (the first job run
/// escalates it to the intake lead, as it would be), one in progress, one completed, one declined with a reason, one
/// cancelled by the school, one closed without help. Only when there are none yet.
/// </summary>
internal sealed class RiverbendReferralsDemo(KithDb db, ICommunityFacts community, IStaffFacts staff, IResponderTeams teams,
    IDirectoryListings directory, IPaging paging, DeploymentCalendar calendar, TimeProvider time) : IDemoContent
{
    public int Order => 50; // after the directory (10), Responders' teams (15) and the lines (40)

    /// <summary>Who, to which of the clinic's services, sent how many days ago, and the steps since (status, days ago, outcome, reason).</summary>
    private static readonly (string Name, string Service, string Preference, string? Contact, string Need, string Language, string? Tier, double SentDaysAgo,
        (string Status, double DaysAgo, string? Outcome, string? Reason)[] Steps)[] Referrals =
    [
        ("Jordan", "Child and family counselling", "text", "507-555-0134", "Struggling since the flood displaced the family; after-school times suit.", "en", "routine", 0.1, []),
        ("Ayaan", "Somali family counselling at Cedar Flats", "phone", "507-555-0177", "Sleeping badly and missing school; the family prefers Somali.", "so", "urgent", 6, []),
        ("Maria", "Telehealth counselling", "email", "maria.h@example.org", "A parent caring for a teenager after a suicide attempt; needs support herself.", "es", "urgent", 6,
            [("accepted", 5, null, null), ("in-progress", 4, null, null)]),
        ("Sam", "Child and family counselling", "text", "507-555-0142", "Anxiety after the flood; prefers afternoons.", "en", "routine", 20,
            [("accepted", 19, null, null), ("in-progress", 18, null, null), ("completed", 5, "got-help", null)]),
        ("Lee", "Counselling for adults", "phone", "507-555-0165", "Low mood since a friend's death.", "en", "routine", 10,
            [("rejected", 9, null, "Our adult counselling starts at 18. Child and family counselling can see Lee: please refer there.")]),
        ("Chris", "Psychiatry and medication management", "none", null, "Asked about medication for panic attacks.", "en", null, 8,
            [("cancelled", 7, null, "They are now seeing their family doctor, who prescribes.")]),
        ("Dee", "Child and family counselling", "text", "507-555-0188", "Withdrawn since moving to Riverbend.", "en", "routine", 15,
            [("accepted", 14, null, null), ("failed", 3, "could-not-contact", "Three calls and two texts over two weeks, no answer. We will take a new referral any time.")]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Referrals.AnyAsync(ct)) return;
        var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Name, o => o.Id);
        var team = (await teams.AllAsync(ct)).FirstOrDefault(t => t.Name == RiverbendTeams.ClinicIntake);
        var counsellor = await staff.FindByEmailAsync("responder@riverbend.example", ct);
        var intakeWorker = await staff.FindByEmailAsync("coordinator@riverbend.example", ct);
        // The community, directory and Responders parts made these; without them there is nobody to refer between.
        if (team is null || counsellor is null || intakeWorker is null
            || !organisations.TryGetValue("Riverbend High School", out var school) || !organisations.TryGetValue("Riverbend Community Clinic", out var clinic))
            return;
        var services = await directory.ServicesOfAsync(clinic, ct);

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.ReferralIntakes.AnyAsync(i => i.OrganisationId == clinic, ct))
            db.ReferralIntakes.Add(new ReferralIntake { OrganisationId = clinic, TeamId = team.Id, UpdatedAt = now });
        foreach (var r in Referrals)
        {
            if (!services.TryGetValue(r.Service, out var service)) continue;
            var sent = now.AddDays(-r.SentDaysAgo);
            var referral = new Referral
            {
                Id = Guid.CreateVersion7(sent), Reference = "R-" + PrivateCode.Generate()[..6],
                RequesterOrganisationId = school, RequestedBy = counsellor.Id, ReceiverOrganisationId = clinic, ServiceId = service,
                Status = ReferralStatus.Requested.Code(), PersonName = r.Name, ContactPreference = r.Preference, Contact = r.Contact,
                Need = r.Need, Language = r.Language, RiskTier = r.Tier, ConsentHow = "verbal", ConsentAt = sent,
                CreatedAt = sent, UpdatedAt = sent,
                RespondBy = calendar.ToUtc(ResponseDeadline.Due(calendar.ToLocal(sent), ResponseDeadline.DefaultBusinessDays)),
            };
            db.Referrals.Add(referral);
            db.ReferralSteps.Add(new ReferralStep
            {
                Id = Guid.CreateVersion7(sent), ReferralId = referral.Id, ToStatus = referral.Status, Party = "requester", ByUserId = counsellor.Id, At = sent,
            });
            foreach (var (status, daysAgo, outcome, reason) in r.Steps)
            {
                var at = now.AddDays(-daysAgo);
                var to = ReferralStatusCodes.TryParse(status, out var parsed) ? parsed : throw new InvalidOperationException(status);
                var party = to == ReferralStatus.Cancelled ? "requester" : "receiver";
                db.ReferralSteps.Add(new ReferralStep
                {
                    Id = Guid.CreateVersion7(at), ReferralId = referral.Id, FromStatus = referral.Status, ToStatus = status, Party = party,
                    ByUserId = party == "requester" ? counsellor.Id : intakeWorker.Id, Reason = reason, Outcome = outcome, At = at,
                });
                if (referral.State == ReferralStatus.Requested && to is ReferralStatus.Accepted or ReferralStatus.Rejected) referral.RespondedAt = at;
                if (to.IsClosed()) referral.ClosedAt = at;
                referral.Status = status;
                referral.StatusReason = reason;
                referral.Outcome = outcome ?? referral.Outcome;
                referral.UpdatedAt = at;
                referral.Revision++;
            }
            // Still waiting for the clinic's answer: its deadline is checked like any other (past it, the first run escalates).
            if (referral.State == ReferralStatus.Requested) paging.ScheduleDeadline(ReferralNews.Of(referral), 0, referral.RespondBy, now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
