using Kith.Community.Contracts;
using Kith.Groups.Contracts;
using Kith.Insights.Release;
using Kith.Platform.Time;
using Microsoft.Extensions.Options;

namespace Kith.Insights.Evaluation;

/// <summary>An area column of the evaluation; <see cref="Guid.Empty"/> is "no area known" (an organisation without one).</summary>
internal sealed record EvaluationArea(Guid Id, string Code, string Name)
{
    public bool Known => Id != Guid.Empty;
}

/// <summary>What the page and the CSV show for a quarter: the quarters to choose from, the kinds and areas, the table.</summary>
internal sealed record EvaluationView(EvaluationQuarter Quarter, IReadOnlyList<EvaluationQuarter> Quarters, IReadOnlyList<string> Kinds,
    IReadOnlyList<EvaluationArea> Areas, EvaluationTable Table, int Threshold);

/// <summary>
/// Before/after evaluation of groups (issue 16, item 6) from the Groups module's published pairs, placed in an area by
/// the organisation that runs the group, as the indicators are. Only quarters that have ended are offered.
/// </summary>
internal sealed class Evaluations(IGroupFacts groups, ICommunityFacts community, DeploymentCalendar calendar, IOptions<ReleaseOptions> options)
{
    /// <summary>Nothing in Kith is older (the indicators count from the same day).</summary>
    private static readonly DateOnly Since = new(2020, 1, 1);

    /// <summary>The instrument the meaningful change (<see cref="PairedChange.MeaningfulChange"/>) is defined for.</summary>
    public const string Who5 = "who-5";

    public int Threshold => Math.Max(2, options.Value.MinimumCellSize);

    /// <summary>The view of <paramref name="quarter"/> (null: the last ended quarter); null when that quarter is not offered.</summary>
    public async Task<EvaluationView?> ForAsync(EvaluationQuarter? quarter, CancellationToken ct)
    {
        var last = EvaluationQuarter.Of(calendar.Today).Previous;
        var all = (await groups.OutcomesAsync(Since, last.To, ct)).Where(p => p.Instrument == Who5).ToList();
        var first = all.Count == 0 ? last : EvaluationQuarter.Of(all.Min(p => p.Day));
        var quarters = new List<EvaluationQuarter>();
        for (var q = last; q.From >= first.From; q = q.Previous) quarters.Add(q);
        quarter ??= last;
        if (!quarters.Contains(quarter)) return null;

        var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Id, o => o.AreaId);
        var areas = (await community.AreasAsync(ct)).OrderBy(a => a.Name, StringComparer.CurrentCulture)
            .Select(a => new EvaluationArea(a.Id, a.Code, a.Name)).Append(new EvaluationArea(Guid.Empty, "", "No area known")).ToList();
        var column = areas.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var inQuarter = all.Where(p => p.Day >= quarter.From && p.Day <= quarter.To).ToList();
        // Every kind that has pairs in any offered quarter, so a kind's row does not appear and vanish between quarters.
        var kinds = all.Select(p => p.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var pairs = inQuarter.Select(p => new EvaluatedPair(p.Kind,
            organisations.GetValueOrDefault(p.OrganisationId) is { } area && column.TryGetValue(area, out var c) ? c : areas.Count - 1, p.Before, p.After)).ToList();
        return new EvaluationView(quarter, quarters, kinds, areas, EvaluationTable.Build(pairs, kinds, [.. areas.Select(a => a.Code)], Threshold), Threshold);
    }
}
