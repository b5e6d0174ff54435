using Kith.Community.Contracts;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Insights.Stories.Beside;

/// <summary>A published story as leaders read it: the moderator's de-identified text, its area and its week — never a day or time.</summary>
internal sealed record PublishedStory(Guid AreaId, string AreaCode, string AreaName, DateOnly Week, string Text);

/// <summary>
/// The published stories of some areas over a run of weeks, newest week first. Only published text ever leaves here:
/// a waiting story's words are read only by <see cref="Moderate.StoryModeration"/>. Within a week the order is the
/// random id's, so the list says nothing of who wrote first.
/// </summary>
internal sealed class PublishedStories(KithDb db, ICommunityFacts community)
{
    /// <param name="areas">The areas, or null for every area.</param>
    public async Task<IReadOnlyList<PublishedStory>> ForAsync(IReadOnlyCollection<Guid>? areas, DateOnly fromWeek, DateOnly toWeek, int take, CancellationToken ct)
    {
        var query = db.InsightStories.AsNoTracking()
            .Where(s => s.Status == StoryStatus.Published && s.Week >= fromWeek && s.Week <= toWeek);
        if (areas is not null) query = query.Where(s => areas.Contains(s.AreaId));
        var stories = await query.OrderByDescending(s => s.Week).ThenBy(s => s.Id).Take(take)
            .Select(s => new { s.AreaId, s.Week, s.Published }).ToListAsync(ct);
        var known = (await community.AreasAsync(ct)).ToDictionary(a => a.Id);
        return [.. stories.Where(s => s.Published is not null && known.ContainsKey(s.AreaId))
            .Select(s => new PublishedStory(s.AreaId, known[s.AreaId].Code, known[s.AreaId].Name, s.Week, s.Published!))];
    }
}
