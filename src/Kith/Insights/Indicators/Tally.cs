using Kith.Concerns.Contracts;
using Kith.Groups.Contracts;
using Kith.Lines.Contracts;
using Kith.Referrals.Contracts;
using Kith.Screening.Contracts;

namespace Kith.Insights.Indicators;

/// <summary>The facts of a run of days, as every module publishes them (none of them names a person).</summary>
internal sealed record DayFacts(
    IReadOnlyList<ConcernFact> Concerns, IReadOnlyList<ConversationFact> Conversations, IReadOnlyList<CheckInFact> CheckIns,
    IReadOnlyList<ScreeningFact> Screening, IReadOnlyList<ReferralFact> Referrals, IReadOnlyList<GroupSessionFact> Sessions,
    IReadOnlyDictionary<Guid, Guid?> OrganisationAreas)
{
    /// <summary>Insights' own alerts and the actions leaders noted (local day each was raised or acted on, and its area).</summary>
    public IReadOnlyList<(DateOnly Day, Guid Area, bool Action)> Alerts { get; init; } = [];
}

/// <summary>
/// Turns facts into daily values per indicator and area (plain C#, no database). Keys are the indicator's family and,
/// after a colon, its breakdown ("concerns.tier:imminent", "screening.band:PHQ-9/moderate"); <see cref="IndicatorCatalogue"/>
/// names them. Referrals count where the person was (the referring organisation's area), groups where they met.
/// </summary>
internal static class Tally
{
    public static IReadOnlyList<IndicatorDay> Count(DayFacts facts)
    {
        var values = new Dictionary<(string, Guid, DateOnly), IndicatorDay>();
        void Add(string indicator, Guid? area, DateOnly day, int count = 1, double sum = 0)
        {
            var key = (indicator, area ?? Guid.Empty, day);
            if (!values.TryGetValue(key, out var value))
                values[key] = value = new IndicatorDay { Indicator = indicator, AreaId = area ?? Guid.Empty, Day = day };
            value.Count += count;
            value.Sum += sum;
        }
        Guid? AreaOf(Guid organisation) => facts.OrganisationAreas.TryGetValue(organisation, out var area) ? area : null;

        foreach (var c in facts.Concerns)
        {
            Add(IndicatorCatalogue.Concerns, c.AreaId, c.Day);
            Add(IndicatorCatalogue.ConcernsTier + c.Tier, c.AreaId, c.Day);
            foreach (var category in c.Categories.Distinct()) Add(IndicatorCatalogue.ConcernsCategory + category, c.AreaId, c.Day);
            if (c.TimeToAcknowledge is { } wait) Add(IndicatorCatalogue.ConcernsAcknowledge, c.AreaId, c.Day, sum: wait.TotalMinutes);
            if (c.Interventions > 0) Add(IndicatorCatalogue.ConcernsInterventions, c.AreaId, c.Day, c.Interventions);
        }
        foreach (var c in facts.Conversations)
        {
            Add(IndicatorCatalogue.LineContacts, c.AreaId, c.Day);
            Add(IndicatorCatalogue.LineContactsOn + c.LineSlug, c.AreaId, c.Day);
            Add(IndicatorCatalogue.LineTier + c.Tier, c.AreaId, c.Day);
            if (c.RolledOver) Add(IndicatorCatalogue.LineRollovers, c.AreaId, c.Day);
            if (c.Unanswered) Add(IndicatorCatalogue.LineUnanswered, c.AreaId, c.Day);
            if (c.WaitSeconds is { } wait) Add(IndicatorCatalogue.LineWait, c.AreaId, c.Day, sum: wait);
        }
        foreach (var c in facts.CheckIns)
        {
            Add(IndicatorCatalogue.CheckIns, null, c.Day);
            if (c.Score is { } score) Add(IndicatorCatalogue.CheckInScore, null, c.Day, sum: score);
            if (c.Replied == false) Add(IndicatorCatalogue.CheckInsSilent, null, c.Day);
            if (c.QueueItem) Add(IndicatorCatalogue.CheckInsToAPerson, null, c.Day);
        }
        foreach (var s in facts.Screening)
        {
            Add(IndicatorCatalogue.ScreeningResponses + s.Instrument, s.AreaId, s.Day);
            Add(IndicatorCatalogue.ScreeningBand + s.Instrument + "/" + s.Band, s.AreaId, s.Day);
            foreach (var flag in s.Flags.Distinct()) Add(IndicatorCatalogue.ScreeningFlag + flag, s.AreaId, s.Day);
        }
        foreach (var r in facts.Referrals)
        {
            var area = AreaOf(r.From);
            Add(IndicatorCatalogue.ReferralsMade, area, r.Day);
            if (r.Status == "completed") Add(IndicatorCatalogue.ReferralsCompleted, area, r.Day);
            if (r.TimeToAnswer is { } wait) Add(IndicatorCatalogue.ReferralsAnswer, area, r.Day, sum: wait.TotalHours);
            if (r.AnsweredLate || r.Escalated) Add(IndicatorCatalogue.ReferralsLate, area, r.Day);
        }
        foreach (var s in facts.Sessions)
        {
            var area = AreaOf(s.OrganisationId);
            Add(IndicatorCatalogue.GroupSessions, area, s.Day);
            if (s.Present is { } present) Add(IndicatorCatalogue.GroupAttendance, area, s.Day, present);
        }
        foreach (var (day, area, action) in facts.Alerts)
            Add(action ? IndicatorCatalogue.AlertActions : IndicatorCatalogue.Alerts, area, day);
        return [.. values.Values];
    }
}
