using System.Security.Claims;
using Kith.Community.Contracts;
using Kith.Insights.Stories.Share;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Insights.Stories.Moderate;

/// <summary>A story waiting in the queue: no words, only where, when and whether it went to a responder.</summary>
internal sealed record PendingStory(Guid Id, string AreaName, DateOnly Week, string Language, bool PassedToResponder);

/// <summary>A waiting story opened by a moderator: the writer's words and the text suggested for publishing (identifiers already replaced).</summary>
internal sealed record StoryDraft(PendingStory Story, string Original, string Suggested);

/// <summary>
/// The moderators' side (coordinators and administrators): the queue of waiting stories, each opened one at a time —
/// every opening of a writer's own words is written to the audit log — and published with the moderator's
/// de-identified text or refused. Publishing keeps only that text; refusing keeps no words at all.
/// </summary>
internal sealed class StoryModeration(KithDb db, ICommunityFacts community, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<PendingStory>> QueueAsync(CancellationToken ct)
    {
        var names = await AreaNamesAsync(ct);
        var waiting = await db.InsightStories.AsNoTracking().Where(s => s.Status == StoryStatus.Pending)
            .Select(s => new { s.Id, s.AreaId, s.Week, s.Language, s.PassedToResponder }).ToListAsync(ct);
        // Danger first, then the oldest week: the same order for every moderator.
        return [.. waiting.OrderByDescending(s => s.PassedToResponder).ThenBy(s => s.Week).ThenBy(s => s.Id)
            .Select(s => new PendingStory(s.Id, names.GetValueOrDefault(s.AreaId, "?"), s.Week, s.Language, s.PassedToResponder))];
    }

    /// <summary>A waiting story with its words, or null when there is none (moderated, withdrawn, never was). Audited.</summary>
    public async Task<StoryDraft?> OpenAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var story = await db.InsightStories.AsNoTracking().Where(s => s.Id == id && s.Status == StoryStatus.Pending)
            .Select(s => new { s.AreaId, s.Week, s.Language, s.PassedToResponder, s.Original }).FirstOrDefaultAsync(ct);
        if (story?.Original is null) return null;
        await audit.RecordAsync("insights.story-read", user.FindFirstValue(ClaimTypes.NameIdentifier), "story", id.ToString(), null, ct);
        var names = await AreaNamesAsync(ct);
        return new StoryDraft(new PendingStory(id, names.GetValueOrDefault(story.AreaId, "?"), story.Week, story.Language, story.PassedToResponder),
            story.Original, StoryRedaction.Redact(story.Original));
    }

    /// <summary>Publishes the moderator's text (identifiers a pattern finds replaced again). No problems when done.</summary>
    public async Task<Dictionary<string, string[]>> PublishAsync(Guid id, string? text, ClaimsPrincipal user, CancellationToken ct)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text is null) return new() { ["text"] = ["Write the text to publish, or refuse the story."] };
        if (text.Length > StoryForm.MaxText) return new() { ["text"] = ["That is too long. Keep your story under 2,000 characters."] };
        return await DecideAsync(id, StoryRedaction.Redact(text), user, ct);
    }

    public Task<Dictionary<string, string[]>> RefuseAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) => DecideAsync(id, null, user, ct);

    private async Task<Dictionary<string, string[]>> DecideAsync(Guid id, string? published, ClaimsPrincipal user, CancellationToken ct)
    {
        var story = await db.InsightStories.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (story is null || story.Status != StoryStatus.Pending) return Moderated();
        var by = user.FindFirstValue(ClaimTypes.NameIdentifier);
        story.Status = published is null ? StoryStatus.Rejected : StoryStatus.Published;
        story.Published = published;
        story.Original = null; // the writer's own words are kept only while they wait for a moderator
        story.ModeratedBy = by;
        story.ModeratedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Moderated(); // another moderator decided first, or the writer withdrew it meanwhile
        }
        await audit.RecordAsync(published is null ? "insights.story-refused" : "insights.story-published", by, "story", id.ToString(), null, ct);
        return [];
    }

    private static Dictionary<string, string[]> Moderated() => new() { ["story"] = ["This story has been moderated or withdrawn already."] };

    private async Task<Dictionary<Guid, string>> AreaNamesAsync(CancellationToken ct) =>
        (await community.AreasAsync(ct)).ToDictionary(a => a.Id, a => a.Name);
}
