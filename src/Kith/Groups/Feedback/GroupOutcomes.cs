using System.Globalization;
using Kith.Groups.Domain;
using Kith.Platform.Data;
using Kith.Platform.Privacy;
using Kith.Platform.Time;
using Kith.Screening.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Feedback;

/// <summary>
/// A WHO-5 answered for a group's evaluation, "before" (around its first session) or "after" (around its last): the
/// score out of 100 and its band, with no member — only a keyed hash of their place, so a before and an after can be
/// paired and nobody can answer twice.
/// </summary>
internal sealed class GroupOutcome
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    /// <summary>"before" or "after".</summary>
    public required string Moment { get; set; }
    public required string PairHash { get; set; }
    public int Percentage { get; set; }
    public required string Band { get; set; }
    public DateTime GivenAt { get; set; }
}

/// <summary>The organiser's evaluation: how many answered before, how many pairs, and the means only once there are enough pairs to show.</summary>
internal sealed record OutcomeView(int Before, int Pairs, int Threshold, decimal? MeanBefore, decimal? MeanAfter);

/// <summary>
/// Paired WHO-5 for programme evaluation (issue 15, item 4), from the screening library: offered on the member's groups
/// page from joining until a week after the first session, and — to those who answered before — from the last session
/// of a group with an end until two weeks after it. The organiser sees means only when at least as many pairs as the
/// campaigns' smallest count exist, so no one's change can be read from them.
/// </summary>
internal sealed class GroupOutcomes(KithDb db, GroupCode codes, IQuestionnaires questionnaires, DeploymentCalendar calendar, IConfiguration configuration)
{
    public const string Instrument = "who-5";
    public const string Before = "before", After = "after";

    public QuestionnaireForm Form(string language) => questionnaires.Form(Instrument, language)!;

    /// <summary>Per enrolment, the moment asked now ("before" or "after"), if any.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> DueAsync(IReadOnlyCollection<(Guid Enrolment, Guid Group)> places, CancellationToken ct, Guid? answeredToo = null)
    {
        var due = new Dictionary<Guid, string>();
        var nowLocal = calendar.ToLocal(calendar.UtcNow);
        foreach (var (enrolment, groupId) in places)
        {
            var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == groupId, ct);
            var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == groupId).ToListAsync(ct);
            var sessions = Schedule.Sessions(group, changes, calendar.ZoneId).Where(s => !s.Cancelled).ToList();
            if (sessions.Count == 0) continue;
            var pair = PairHash(enrolment);
            var given = await db.GroupOutcomes.AsNoTracking().Where(o => o.PairHash == pair).Select(o => o.Moment).ToListAsync(ct);
            var bounded = string.IsNullOrWhiteSpace(group.Rule) || group.Rule.Contains("COUNT=", StringComparison.OrdinalIgnoreCase) || group.Rule.Contains("UNTIL=", StringComparison.OrdinalIgnoreCase);
            var last = sessions[^1];
            if (bounded && sessions.Count > 1 && given.Contains(Before) && nowLocal >= last.StartLocal && nowLocal - last.StartLocal <= TimeSpan.FromDays(14)
                && (!given.Contains(After) || enrolment == answeredToo))
                due[enrolment] = After;
            else if (nowLocal - sessions[0].StartLocal <= TimeSpan.FromDays(7) && (!given.Contains(Before) || enrolment == answeredToo))
                due[enrolment] = Before;
        }
        return due;
    }

    /// <summary>201, 400 (not all five answered) or 409 (already answered for this moment).</summary>
    public async Task<int> GiveAsync(Guid groupId, Guid enrolment, string moment, IReadOnlyDictionary<string, string> answers, string language, CancellationToken ct)
    {
        var score = questionnaires.Score(Instrument, answers, language);
        if (score is null) return StatusCodes.Status400BadRequest;
        var pair = PairHash(enrolment);
        if (await db.GroupOutcomes.AnyAsync(o => o.PairHash == pair && o.Moment == moment, ct)) return StatusCodes.Status409Conflict;
        db.GroupOutcomes.Add(new GroupOutcome
        {
            Id = Guid.CreateVersion7(calendar.UtcNow), GroupId = groupId, Moment = moment, PairHash = pair,
            Percentage = (int)(score.Secondary ?? score.Primary * 4), Band = score.Band, GivenAt = calendar.UtcNow,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return StatusCodes.Status409Conflict;
        }
        return StatusCodes.Status201Created;
    }

    public async Task<OutcomeView> ForOrganiserAsync(Guid groupId, CancellationToken ct)
    {
        var rows = await db.GroupOutcomes.AsNoTracking().Where(o => o.GroupId == groupId).Select(o => new { o.PairHash, o.Moment, o.Percentage }).ToListAsync(ct);
        var pairs = rows.GroupBy(r => r.PairHash).Where(g => g.Any(r => r.Moment == Before) && g.Any(r => r.Moment == After))
            .Select(g => (Before: g.First(r => r.Moment == Before).Percentage, After: g.First(r => r.Moment == After).Percentage)).ToList();
        var threshold = Math.Max(5, configuration.GetValue("Kith:Screening:MinimumCellSize", SmallCells.DefaultThreshold));
        var shown = pairs.Count >= threshold;
        return new(rows.Count(r => r.Moment == Before), pairs.Count, threshold,
            shown ? Math.Round((decimal)pairs.Average(p => p.Before), 1) : null, shown ? Math.Round((decimal)pairs.Average(p => p.After), 1) : null);
    }

    private string PairHash(Guid enrolment) => codes.Hash("outcome:" + enrolment.ToString("N", CultureInfo.InvariantCulture));
}
