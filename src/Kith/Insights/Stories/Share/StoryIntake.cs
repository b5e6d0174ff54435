using Kith.Community.Contracts;
using Kith.Concerns.Contracts;
using Kith.Insights.Release;
using Kith.Platform.Data;
using Kith.Platform.Safety;
using Kith.Platform.Security;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Insights.Stories.Share;

/// <summary>What sharing came to: the receipt (shown once), and whether the words read as danger (crisis lines first).</summary>
/// <param name="Again">The same form was sent before (a double tap, a refresh): its story was kept once, under this receipt.</param>
/// <param name="ReplyCode">When a concern was raised: its receipt, to read a responder's reply on the concerns' replies page.</param>
internal sealed record StoryShared(string Receipt, bool Risk, bool Again, Guid AreaId, string Language, string? ReplyCode = null);

/// <summary>
/// Takes a story in, pending moderation. Its words go through the one risk-language engine: when they speak of danger,
/// a concern is raised through the Concerns contract (routed, paged and escalated like any other, with the words and
/// the area — there is nobody else to name) in the same commit as the story, and the page shows the crisis lines at
/// once. The receipt is derived from the form's one-time token, so a double tap finds the story it already made and
/// never raises a second concern.
/// </summary>
internal sealed class StoryIntake(KithDb db, StoryCode codes, ICommunityFacts community, IConcernIntake concerns, DeploymentCalendar calendar)
{
    public async Task<(StoryShared? Shared, IReadOnlyDictionary<string, string[]> Errors)> ShareAsync(StoryForm form, CancellationToken ct)
    {
        var areas = await community.AreasAsync(ct);
        var errors = form.Validate([.. areas.Select(a => a.Id)]);
        if (errors.Count > 0) return (null, errors);
        var text = form.Text!;
        var area = form.AreaId!.Value;
        var risk = RiskLanguage.ReadNarrative(text, form.Language).OrderByDescending(s => s.Tier).FirstOrDefault();

        var receipt = form.Token is { } token ? codes.Derived("story:" + token) : PrivateCode.Generate();
        var hash = codes.Hash(receipt);
        var earlier = await db.InsightStories.AsNoTracking().Where(s => s.ReceiptHash == hash).Select(s => new { s.Original }).FirstOrDefaultAsync(ct);
        if (earlier is not null && (earlier.Original is null || earlier.Original == text))
            return (new StoryShared(PrivateCode.Grouped(receipt), risk is not null, true, area, form.Language), errors);
        if (earlier is not null)
        {
            // The same form, sent again with other words (back, edit, send): a story of its own, under a receipt of its own.
            receipt = PrivateCode.Generate();
            hash = codes.Hash(receipt);
        }

        db.InsightStories.Add(new Story
        {
            // Random, not version 7: the id must not carry the time it was shared.
            Id = Guid.NewGuid(), AreaId = area, Week = IndicatorRelease.Monday(calendar.Today), Language = form.Language,
            Original = text, Status = StoryStatus.Pending, PassedToResponder = risk is not null, ReceiptHash = hash,
        });
        string? reply = null;
        try
        {
            if (risk is null) await db.SaveChangesAsync(ct);
            else reply = await RaiseAsync(risk, text, area, areas.First(a => a.Id == area).Name, form.Language, ct);
        }
        catch (DbUpdateException) when (form.Token is not null)
        {
            // Sent twice at once: the other request kept the story (and raised any concern); this one wrote nothing.
            db.ChangeTracker.Clear();
            if (!await db.InsightStories.AnyAsync(s => s.ReceiptHash == hash, ct)) throw;
            return (new StoryShared(PrivateCode.Grouped(receipt), risk is not null, true, area, form.Language), errors);
        }
        return (new StoryShared(PrivateCode.Grouped(receipt), risk is not null, false, area, form.Language, reply), errors);
    }

    /// <summary>
    /// The concern's own commit saves the story added above with it (one context per request): a story that reads as
    /// danger is never kept without a person put on it, nor a concern raised for a story that was not kept.
    /// </summary>
    private async Task<string> RaiseAsync(RiskSignal risk, string text, Guid area, string areaName, string language, CancellationToken ct)
    {
        var (raised, problems) = await concerns.RaiseAsync(new RaisedConcern(
            risk.Tier == RiskTier.Imminent ? RaisedTier.Imminent : RaisedTier.Urgent, "insights:story:" + risk.Rule, ["other"],
            $"A story shared without a name on the public stories page, for the area {areaName}. The words read as danger: the writer "
            + $"was shown the crisis lines, and the story is held from publication until a moderator has read it. They wrote: \"{text}\"",
            language, null, area), ct);
        return raised?.Receipt ?? throw new InvalidOperationException("A story's concern was refused: " + string.Join("; ", problems.Keys));
    }
}
