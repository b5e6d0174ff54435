using Kith.Concerns.CaseStatuses;
using Kith.Concerns.Domain;
using Kith.Concerns.RoutingRules;
using Kith.Concerns.Teams;
using Microsoft.Extensions.Localization;

namespace Kith.Tests.Concerns.Admin;

/// <summary>The plain rules behind the routing administration: backups, shifts, rule order, sentences and the status table.</summary>
public sealed class RoutingAdminRulesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    [Fact]
    public void A_team_cannot_back_itself_up_and_longer_circles_are_found_from_any_member()
    {
        Assert.Contains("backupTeamId", TeamRules.CheckTeam(new TeamRequest("Team", null, null, A), A).Keys);
        Assert.Empty(TeamRules.CheckTeam(new TeamRequest("Team", null, null, B), A));

        var backups = new Dictionary<Guid, Guid?> { [A] = B, [B] = C, [C] = A, [D] = A };
        Assert.Equal([A, B, C, A], TeamRules.BackupCircle(A, backups));
        Assert.Equal([B, C, A, B], TeamRules.BackupCircle(B, backups));
        Assert.Empty(TeamRules.BackupCircle(D, backups)); // D leads into a circle but is not part of it
        Assert.Empty(TeamRules.BackupCircle(A, new Dictionary<Guid, Guid?> { [A] = B, [B] = null }));
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("   ", "name")]
    [InlineData("Tab\tteam", "name")]
    public void A_team_needs_a_printable_name(string name, string field) =>
        Assert.Contains(field, TeamRules.CheckTeam(new TeamRequest(name, null, null, null), null).Keys);

    [Fact]
    public void Shifts_end_after_they_start_last_at_most_31_days_and_have_not_ended()
    {
        var now = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Empty(TeamRules.CheckShift(now, now.AddDays(31), now));
        Assert.Contains("endsAt", TeamRules.CheckShift(now, now, now).Keys);
        Assert.Contains("endsAt", TeamRules.CheckShift(now, now.AddDays(31).AddMinutes(1), now).Keys);
        Assert.Contains("endsAt", TeamRules.CheckShift(now.AddDays(-2), now.AddDays(-1), now).Keys);
        Assert.Empty(TeamRules.CheckShift(now.AddDays(-2), now.AddHours(1), now)); // already running: fine
    }

    [Fact]
    public void Overlapping_shifts_are_marked_and_touching_ones_are_not()
    {
        var t = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        Guid one = Guid.NewGuid(), two = Guid.NewGuid(), three = Guid.NewGuid();
        var overlapping = TeamRules.Overlapping([(one, t, t.AddHours(8)), (two, t.AddHours(6), t.AddHours(14)), (three, t.AddHours(14), t.AddHours(20))]);
        Assert.Equal(new HashSet<Guid> { one, two }, overlapping);
    }

    [Fact]
    public void An_earlier_rule_covers_a_later_one_when_its_conditions_are_a_subset()
    {
        var spanish = new RoutingRule { Language = "es" };
        var spanishBullying = new RoutingRule { Language = "es", Category = "bullying" };
        var bullying = new RoutingRule { Category = "bullying" };
        Assert.True(RuleOrder.Covers(spanish, spanishBullying));
        Assert.False(RuleOrder.Covers(spanishBullying, spanish));
        Assert.False(RuleOrder.Covers(spanish, bullying));
        Assert.True(RuleOrder.Covers(new RoutingRule(), bullying));
        Assert.True(RuleOrder.IsCatchAll(new RoutingRule { TeamId = A }));
        Assert.False(RuleOrder.IsCatchAll(bullying));
    }

    [Fact]
    public void A_rule_reads_as_a_sentence()
    {
        var T = new EnglishText();
        var rule = new RoutingRule { Language = "es", Category = "bullying", OrganisationId = A };
        Assert.Equal("Spanish concerns about bullying at Riverbend High School → High School counselling team",
            RuleSentence.Describe(rule, "High School counselling team", "Riverbend High School", null, T));
        Assert.Equal("Concerns about talking about suicide or self-harm rated imminent danger in Eastbank → County crisis team",
            RuleSentence.Describe(new RoutingRule { Category = "suicide-self-harm", Tier = "imminent", AreaId = B }, "County crisis team", null, "Eastbank", T));
        Assert.Equal("Every other concern → County crisis team", RuleSentence.Describe(new RoutingRule(), "County crisis team", null, null, T));
    }

    [Fact]
    public void The_default_table_is_valid_and_each_broken_table_says_why()
    {
        var statuses = DefaultStatuses();
        var transitions = new List<StatusTransition>
        {
            new() { FromStatus = "new", ToStatus = "open" }, new() { FromStatus = "open", ToStatus = "closed" },
            new() { FromStatus = "waiting", ToStatus = "closed", AutomaticAfterDays = 14 },
        };
        Assert.Empty(StatusTableRules.Check(statuses, transitions));

        Assert.Contains("closed", StatusTableRules.Check(statuses.Where(s => s.Kind != "closed").ToList(), transitions).Keys);
        Assert.Contains("kind", StatusTableRules.Check(statuses.Where(s => s.Kind != "new").ToList(), transitions).Keys);
        Assert.Contains("kind", StatusTableRules.Check([.. statuses, Status("received", "new")], transitions).Keys);
        Assert.Contains("code", StatusTableRules.Check([.. statuses.Where(s => s.Code != "new"), Status("received", "new")], transitions).Keys);
        Assert.Contains("automaticAfterDays", StatusTableRules.Check(statuses, [.. transitions, new() { FromStatus = "new", ToStatus = "closed", AutomaticAfterDays = 3 }]).Keys);
        Assert.Contains("automaticAfterDays", StatusTableRules.Check(statuses, [.. transitions, new() { FromStatus = "waiting", ToStatus = "open", AutomaticAfterDays = 3 }]).Keys);

        Assert.Equal(["waiting"], StatusTableRules.Unreachable(statuses, transitions));
    }

    [Theory]
    [InlineData("in_progress", true)]
    [InlineData("referred2", true)]
    [InlineData("In_progress", false)]
    [InlineData("2nd", false)]
    [InlineData("with space", false)]
    [InlineData("", false)]
    public void Codes_are_lower_case_words(string code, bool valid) => Assert.Equal(valid, StatusTableRules.IsCode(code));

    private static List<CaseStatus> DefaultStatuses() =>
        [Status("new", "new"), Status("open", "open"), Status("waiting", "waiting"), Status("closed", "closed")];

    private static CaseStatus Status(string code, string kind) => new() { Code = code, Name = code, Kind = kind };

    /// <summary>The English texts themselves, as the app's localizer gives them for English.</summary>
    private sealed class EnglishText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
