using Kith.Concerns.CaseStatuses;
using Kith.Concerns.Domain;
using Kith.Concerns.RoutingRules;
using Microsoft.Extensions.Localization;

namespace Kith.Tests.Concerns.Admin;

/// <summary>The plain rules behind the routing administration: rule order, sentences and the status table.</summary>
public sealed class RoutingAdminRulesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

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
