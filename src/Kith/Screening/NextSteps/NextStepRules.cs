using Kith.Screening.Instruments;
using Kith.Screening.Scoring;
using Kith.ServiceDirectory.Contracts;

namespace Kith.Screening.NextSteps;

/// <summary>Who the next steps are for, as far as an anonymous answer lets us know.</summary>
internal enum AgeGroup { Unknown, Teen, Adult }

/// <summary>How urgent the result is: it decides which kinds of help come first.</summary>
internal enum ResultLevel { Light, Support, Crisis }

/// <summary>The person a result is for: their age group, language, area and the organisation whose campaign they answered.</summary>
internal sealed record NextStepPerson(AgeGroup Age, string Language, Guid? AreaId, Guid? CampaignOrganisationId);

/// <summary>
/// Which directory services fit a person after a result, and in what order (ADR 30). Plain rules rather than a
/// score, so a coordinator can read why a service was or was not offered. The directory's own filter (need,
/// area, never a crisis line — those are shown above) runs first; these rules narrow and order what it found.
/// </summary>
internal static class NextStepRules
{
    /// <summary>The ages we count as a teen: a service whose range misses them all is for children or adults only.</summary>
    public const int TeenFrom = 13, TeenTo = 17, AdultFrom = 18;

    /// <summary>
    /// Teen-only instruments (audience "adolescents …" without adults) say who answers; so does a campaign that
    /// asks any of them (a school's), for all its questionnaires. Otherwise an adult instrument means an adult,
    /// and one for both says nothing.
    /// </summary>
    public static AgeGroup AgeOf(Instrument instrument, bool youthCampaign) =>
        youthCampaign || IsTeenOnly(instrument) ? AgeGroup.Teen
        : instrument.Audience.Trim().Equals("adults", StringComparison.OrdinalIgnoreCase) ? AgeGroup.Adult
        : AgeGroup.Unknown;

    public static bool IsTeenOnly(Instrument instrument) =>
        instrument.Audience.StartsWith("adolescents", StringComparison.OrdinalIgnoreCase)
        && !instrument.Audience.Contains("adult", StringComparison.OrdinalIgnoreCase);

    /// <summary>Any critical answer puts crisis and same-day help first; a flagged (positive) screen, the instrument's own needs; otherwise lighter support first.</summary>
    public static ResultLevel LevelOf(ScoredResponse scored) =>
        scored.Safety is not null ? ResultLevel.Crisis : scored.Flags.Count > 0 ? ResultLevel.Support : ResultLevel.Light;

    /// <summary>Needs to ask the directory for, most fitting first.</summary>
    public static IReadOnlyList<string> NeedsFor(Instrument instrument, ResultLevel level) => level switch
    {
        ResultLevel.Crisis => ["crisis", .. instrument.Needs.Where(n => n != "crisis")],
        // Nothing flagged: connection and peer support before therapy, which the person may not need.
        ResultLevel.Light => ["wellbeing", "peer-support", .. instrument.Needs.Where(n => n is not ("wellbeing" or "peer-support"))],
        _ => instrument.Needs,
    };

    /// <summary>
    /// Whether a service may be offered to this person at all.
    /// A teen is offered only what says it takes teens — an age range that reaches 13–17 — or crisis help open to
    /// all ages: a service that states no ages (an employer's programme, a parents' evening) is not known to take them.
    /// An adult is never offered a service whose ages stop below 18, nor a young people's service with an upper age.
    /// A workplace's own programme (an EAP) is offered only in that workplace's own campaign: it is for its staff.
    /// </summary>
    public static bool Fits(ServiceSuggestion service, NextStepPerson person, IReadOnlySet<Guid> workplaces)
    {
        if (service.KithOrganisationId is { } owner && workplaces.Contains(owner) && owner != person.CampaignOrganisationId) return false;
        var from = service.MinimumAge ?? 0;
        var to = service.MaximumAge ?? decimal.MaxValue;
        return person.Age switch
        {
            AgeGroup.Teen => from <= TeenTo && to >= TeenFrom
                && (service.MinimumAge is not null || service.MaximumAge is not null || IsCrisis(service)),
            AgeGroup.Adult => to >= AdultFrom && !(service.MaximumAge is not null && service.NeedCodes.Contains("youth")),
            _ => true,
        };
    }

    /// <summary>
    /// After a critical answer crisis and same-day help first; then the most fitting need; then the person's
    /// language; then services in their area; for someone whose age we do not know, those open to every age first.
    /// </summary>
    public static IReadOnlyList<ServiceSuggestion> Order(IEnumerable<ServiceSuggestion> services, NextStepPerson person,
        ResultLevel level, IReadOnlyList<string> needs) =>
        services
            .OrderByDescending(s => level == ResultLevel.Crisis && IsCrisis(s))
            .ThenBy(s => FirstNeed(s, needs))
            .ThenByDescending(s => s.SpeaksLanguage)
            .ThenByDescending(s => s.Local)
            .ThenByDescending(s => person.Age == AgeGroup.Unknown && s.MinimumAge is null && s.MaximumAge is null)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    private static bool IsCrisis(ServiceSuggestion s) => s.NeedCodes.Contains("crisis");

    private static int FirstNeed(ServiceSuggestion s, IReadOnlyList<string> needs)
    {
        for (var i = 0; i < needs.Count; i++)
            if (s.NeedCodes.Contains(needs[i])) return i;
        return needs.Count; // matched through a narrower term only (psychiatry under counselling)
    }
}
