using System.Globalization;
using Kith.Concerns.Domain;
using Kith.Concerns.Receipts;
using Kith.Concerns.Routing;
using Kith.Concerns.Triage;
using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Submit;

/// <summary>
/// Where a concern came from: the public form, a partner app's JSON, a staff member filing for a caller, or a
/// screening whose critical answers call for a person (see <see cref="Contracts.IConcernIntake"/>).
/// </summary>
internal enum SubmissionChannel { Web, Api, Staff, Screening }

/// <summary>
/// Takes a concern in: checks it, triages it on the server, routes it, pages the first step of the chain
/// and schedules the acknowledgement deadline — all in one commit, so a receipt handed back always opens a
/// whole concern. Knows nothing of who sent it: no address, agent or cookie reaches this class.
/// </summary>
internal sealed class SubmitConcern(
    KithDb db, ICommunityFacts community, TeamRouter router, IPaging paging, ReceiptCode receipts, TimeProvider time,
    Platform.Observability.KithMetrics metrics, Platform.Time.DeploymentCalendar calendar, IServiceProvider services)
{
    /// <param name="decided">A tier already decided by a validated instrument's own rule (screening): it replaces
    /// triage, whose phrase lists would misread the instrument's item texts quoted in the narrative.</param>
    public async Task<(ConcernReceipt? Receipt, Dictionary<string, string[]> Errors)> SubmitAsync(
        ConcernSubmission submission, SubmissionChannel channel, string? filedBy, CancellationToken ct, TriageResult? decided = null)
    {
        var errors = submission.Validate(services);
        // One connection for the whole submission: a dozen short queries, not a dozen trips through the pool.
        await db.Database.OpenConnectionAsync(ct);
        await CheckPlaceAsync(submission, errors, ct); // every problem at once, places included
        if (errors.Count > 0) return (null, errors);

        var now = time.GetUtcNow().UtcDateTime;
        var language = submission.Language ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (!Platform.Localization.Cultures.IsSupported(language)) language = "en";
        var categories = submission.Categories.Distinct().ToList();
        var narrative = string.IsNullOrWhiteSpace(submission.Narrative) ? null : submission.Narrative.Trim();
        var triage = decided ?? ConcernTriage.Assess(new TriageInput(submission.About!, categories, submission.Urgency!, narrative, language));

        var receipt = ReceiptCode.Generate();
        // An anonymous concern's record keeps its time only to the hour (ids included: a version-7 id holds its
        // creation time); the deadline below is computed from the exact time and stays exact.
        var recorded = submission.GaveContact ? now : calendar.StartOfHour(now);
        var concern = new Concern
        {
            Id = Guid.CreateVersion7(recorded),
            Reference = "C-" + ReceiptCode.Grouped(ReceiptCode.Generate()[..8]),
            ReceiptHash = receipts.Hash(receipt),
            SubmittedAt = recorded,
            Channel = channel.ToString().ToLowerInvariant(),
            FiledBy = filedBy,
            About = submission.About!,
            Categories = string.Join(' ', categories),
            Urgency = submission.Urgency!,
            Narrative = narrative,
            Language = language,
            OrganisationId = submission.OrganisationId,
            AreaId = submission.AreaId,
            Tier = triage.Tier.Code(),
            TriageRules = string.Join(' ', triage.RulesFired),
            Anonymous = !submission.GaveContact,
            ContactName = Blank(submission.ContactName),
            ContactPhone = Blank(submission.ContactPhone),
            ContactEmail = Blank(submission.ContactEmail),
            Status = "new",
            StatusChangedAt = recorded,
            AcknowledgeBy = paging.AcknowledgeBy(triage.Tier.Code(), now),
            UpdatedAt = recorded,
        };
        (concern.TeamId, concern.RoutingRuleId) = await router.RouteAsync(concern, ct);
        var pagees = await paging.ChainAsync(concern.TeamId, 0, now, ct);

        db.Concerns.Add(concern);
        db.ConcernStatusChanges.Add(new ConcernStatusChange
        {
            Id = Guid.CreateVersion7(recorded), ConcernId = concern.Id, At = recorded, Status = concern.Status, ById = filedBy,
            Reason = channel == SubmissionChannel.Staff ? "Filed by staff for a caller" : null,
        });
        var subject = ConcernSubjects.Of(concern);
        var paged = await paging.PageAsync(subject, AlertKinds.New, 0, pagees, ConcernSubjects.Wording(concern, AlertKinds.New), now, ct);
        paging.ScheduleDeadline(subject, 0, concern.AcknowledgeBy, now);
        await db.SaveChangesAsync(ct); // one transaction: the concern, its history, its pages and its deadline
        // Hand the connection back before the live nudge needs one: under load, requests holding theirs while
        // waiting for another exhausted the pool (the crash test on PostgreSQL found it).
        await db.Database.CloseConnectionAsync();

        metrics.ConcernsSubmitted.Add(1, new("tier", concern.Tier), new("channel", concern.Channel));
        await paging.NudgeAsync(ConcernSubjects.Kind, concern.Id, AlertKinds.New, paged, ct);
        return (new ConcernReceipt(ReceiptCode.Grouped(receipt), concern.Tier, triage.Tier == Tier.Imminent, "/concerns/follow-up", concern.Reference), errors);
    }

    private async Task CheckPlaceAsync(ConcernSubmission submission, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (submission.OrganisationId is { } org)
        {
            var organisations = await community.OrganisationsAsync(ct);
            if (!organisations.Any(o => o.Id == org && o.Active)) errors["organisationId"] = ["That school or place is not on the list."];
        }
        if (submission.AreaId is { } area)
        {
            var areas = await community.AreasAsync(ct);
            if (areas.All(a => a.Id != area)) errors["areaId"] = ["That area is not on the list."];
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
