using Kith.Screening.Scoring;
using Kith.ServiceDirectory.Contracts;

namespace Kith.Screening.NextSteps;

/// <summary>Next steps after a result: the directory's services for the result's needs, kept to those that fit the person (<see cref="NextStepRules"/>).</summary>
internal sealed class SuggestedNextSteps(IDirectoryServices directory, ICommunityFacts community)
{
    /// <summary>How many the directory is asked for before the rules narrow them: every service in the needs of a county-sized directory.</summary>
    private const int Candidates = 200;

    public async Task<IReadOnlyList<ServiceSuggestion>> ForAsync(ScoredResponse scored, NextStepPerson person, int max, CancellationToken ct)
    {
        var level = NextStepRules.LevelOf(scored);
        var needs = NextStepRules.NeedsFor(scored.Instrument, level);
        var found = await directory.SuggestAsync(needs, person.AreaId, person.Language, Candidates, ct);
        var workplaces = (await community.OrganisationsAsync(ct)).Where(o => o.Type == "Workplace").Select(o => o.Id).ToHashSet();
        return NextStepRules.Order(found.Where(s => NextStepRules.Fits(s, person, workplaces)), person, level, needs).Take(max).ToList();
    }
}
