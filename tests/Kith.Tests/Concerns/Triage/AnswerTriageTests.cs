using Kith.Concerns.Domain;
using Kith.Concerns.Triage;

namespace Kith.Tests.Concerns.Triage;

/// <summary>What the fixed answers decide, and how the rules that fired are reported.</summary>
public sealed class AnswerTriageTests
{
    private static TriageResult Assess(string urgency, string[] categories, string? narrative = null, string language = "en") =>
        ConcernTriage.Assess(new TriageInput("student", categories, urgency, narrative, language));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("She is not suicidal and she is fine, she just wanted someone to know")]
    [InlineData("No está en peligro")]
    public void Danger_now_is_imminent_whatever_the_text_says(string? narrative)
    {
        var result = Assess("danger-now", ["other"], narrative);
        Assert.Equal(Tier.Imminent, result.Tier);
        Assert.Equal("urgency.danger-now", result.RulesFired[0]);
    }

    [Theory]
    [InlineData("suicide-self-harm", "urgent")]
    [InlineData("hurting-others", "urgent")]
    [InlineData("being-hurt", "urgent")]
    [InlineData("bullying", "routine")]
    [InlineData("substances", "routine")]
    [InlineData("grief", "routine")]
    [InlineData("eating-sleeping", "routine")]
    [InlineData("other", "routine")]
    public void Each_category_implies_a_tier(string category, string tier)
    {
        var result = Assess("can-wait", [category]);
        Assert.Equal(tier, result.Tier.Code());
        Assert.Contains($"category.{category}", result.RulesFired);
    }

    [Theory]
    [InlineData("danger-now", "imminent")]
    [InlineData("soon", "urgent")]
    [InlineData("can-wait", "routine")]
    public void Each_urgency_implies_a_tier(string urgency, string tier)
    {
        var result = Assess(urgency, ["grief"]);
        Assert.Equal(tier, result.Tier.Code());
        Assert.Contains($"urgency.{urgency}", result.RulesFired);
    }

    [Fact]
    public void Every_answer_of_the_form_has_a_triage_rule()
    {
        Assert.Equal(ConcernAnswers.Categories.Select(c => c.Code).Order(), AnswerRules.Categories.Keys.Order());
        Assert.Equal(ConcernAnswers.Urgency.Select(u => u.Code).Order(), AnswerRules.Urgency.Keys.Order());
    }

    [Fact]
    public void The_highest_tier_wins_and_rules_are_listed_by_tier_then_id()
    {
        var result = Assess("soon", ["bullying", "suicide-self-harm", "grief"], "he has a gun");
        Assert.Equal(Tier.Imminent, result.Tier);
        Assert.Equal(["phrase.en.plan-or-means", "category.suicide-self-harm", "urgency.soon", "category.bullying", "category.grief"], result.RulesFired);
    }

    [Fact]
    public void A_rule_is_listed_once_however_often_it_fires()
    {
        var result = Assess("can-wait", ["other", "other"], "He wants to die. He said again he wants to die, he wants to die.");
        Assert.Equal(["phrase.en.suicide-ideation", "category.other", "urgency.can-wait"], result.RulesFired);
    }

    [Fact]
    public void Timing_turns_a_threat_or_an_intention_imminent_under_the_timed_rule()
    {
        Assert.Equal(["phrase.en.threat", "urgency.can-wait"], Assess("can-wait", [], "he wants to hurt someone").RulesFired);
        Assert.Equal(["phrase.en.threat-with-means", "urgency.can-wait"], Assess("can-wait", [], "he wants to hurt someone tomorrow").RulesFired);
        Assert.Equal(["phrase.es.plan-or-means", "urgency.can-wait"], Assess("can-wait", [], "quiere morir hoy", "es").RulesFired);
        // "today" four words before, reporting when it was said rather than when it will happen, does not.
        Assert.Equal(Tier.Urgent, Assess("can-wait", [], "today at lunch she told me she wants to die").Tier);
    }

    [Fact]
    public void Negated_phrases_are_not_listed()
    {
        var result = Assess("soon", ["suicide-self-harm"], "She is not suicidal");
        Assert.Equal(["category.suicide-self-harm", "urgency.soon"], result.RulesFired);
    }

    [Fact]
    public void Unknown_codes_and_missing_parts_count_for_nothing()
    {
        var nothing = ConcernTriage.Assess(new TriageInput(null!, null!, null!, null, null!));
        Assert.Equal(Tier.Routine, nothing.Tier);
        Assert.Empty(nothing.RulesFired);
        var result = ConcernTriage.Assess(new TriageInput("martian", ["made-up", null!], "whenever", "", "xx"));
        Assert.Equal(Tier.Routine, result.Tier);
        Assert.Empty(result.RulesFired);
    }

    [Fact]
    public void An_unknown_form_language_still_reads_every_language()
    {
        Assert.Equal(Tier.Imminent, Assess("can-wait", [], "tiene una pistola", "fr").Tier);
    }
}
