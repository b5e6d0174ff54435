using Kith.Screening.Scoring;
using Kith.ServiceDirectory.Contracts;

namespace Kith.Screening.NextSteps;

/// <summary>Next steps after a result: the directory's services for the result's needs, kept to those that fit the person (<see cref="NextStepRules"/>).</summary>
/// <remarks>
/// It reads in a scope of its own: the result is rendered beside components that read the database at the same
/// moment (a receipt, the crisis lines), and a request's one <c>KithDb</c> must never run two queries at once.
/// </remarks>
internal sealed class SuggestedNextSteps(IServiceScopeFactory scopes)
{
    /// <summary>How many the directory is asked for before the rules narrow them: every service in the needs of a county-sized directory.</summary>
    private const int Candidates = 200;

    public async Task<IReadOnlyList<ServiceSuggestion>> ForAsync(ScoredResponse scored, NextStepPerson person, int max, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IDirectoryServices>();
        var community = scope.ServiceProvider.GetRequiredService<ICommunityFacts>();
        var level = NextStepRules.LevelOf(scored);
        var needs = NextStepRules.NeedsFor(scored.Instrument, level);
        var found = await directory.SuggestAsync(needs, person.AreaId, person.Language, Candidates, ct);
        var workplaces = (await community.OrganisationsAsync(ct)).Where(o => o.Type == "Workplace").Select(o => o.Id).ToHashSet();
        return NextStepRules.Order(found.Where(s => NextStepRules.Fits(s, person, workplaces)), person, level, needs).Take(max).ToList();
    }
}
