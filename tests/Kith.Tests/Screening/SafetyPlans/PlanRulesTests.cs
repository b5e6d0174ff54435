using Kith.Screening.SafetyPlans;

namespace Kith.Tests.Screening.SafetyPlans;

/// <summary>The plan's rules and its sealing, directly.</summary>
public sealed class PlanRulesTests
{
    private static IReadOnlyDictionary<string, PlanEntry?[]?> Sections(string key, params PlanEntry?[] entries) =>
        new Dictionary<string, PlanEntry?[]?> { [key] = entries };

    [Fact]
    public void Empty_lines_are_dropped_and_text_is_trimmed()
    {
        var (plan, problems) = PlanRules.Check(Sections("helpers", new PlanEntry("  Aunt Sara ", " 555 0100 "), new PlanEntry("", ""), null));
        Assert.Empty(problems);
        Assert.Equal([new PlanEntry("Aunt Sara", "555 0100")], plan!.In("helpers"));
    }

    [Theory]
    [InlineData("reasons", "x", "555 0100", "reasons.0.phone")]
    [InlineData("helpers", "x", "call me", "helpers.0.phone")]
    [InlineData("helpers", "", "555 0100", "helpers.0.text")]
    [InlineData("unknown", "x", null, "unknown")]
    public void Each_problem_names_its_field(string section, string text, string? phone, string field)
    {
        var (plan, problems) = PlanRules.Check(Sections(section, new PlanEntry(text, phone)));
        Assert.Null(plan);
        Assert.Contains(field, problems.Keys);
    }

    [Fact]
    public void Limits_hold_at_their_edges()
    {
        Assert.NotNull(PlanRules.Check(Sections("reasons", new PlanEntry(new string('x', PlanRules.MaxText)))).Plan);
        Assert.Null(PlanRules.Check(Sections("reasons", new PlanEntry(new string('x', PlanRules.MaxText + 1)))).Plan);
        var ten = Enumerable.Range(1, PlanRules.MaxEntries).Select(i => (PlanEntry?)new PlanEntry($"r{i}")).ToArray();
        Assert.NotNull(PlanRules.Check(Sections("reasons", ten)).Plan);
        Assert.Contains("reasons", PlanRules.Check(Sections("reasons", [.. ten, new PlanEntry("r11")])).Problems.Keys);
        Assert.Contains(PlanRules.Whole, PlanRules.Check(Sections("reasons", new PlanEntry(" "))).Problems.Keys);
    }

    [Fact]
    public void A_sealed_plan_opens_only_with_its_key_and_its_own_id()
    {
        var key = PlanSeal.NewKey();
        var id = Guid.NewGuid();
        var sealedBytes = PlanSeal.Seal(key, "reasons"u8, id);

        Assert.Equal("reasons"u8.ToArray(), PlanSeal.Open(key, sealedBytes, id));
        Assert.Null(PlanSeal.Open(PlanSeal.NewKey(), sealedBytes, id));
        Assert.Null(PlanSeal.Open(key, sealedBytes, Guid.NewGuid()));
        sealedBytes[^1] ^= 1;
        Assert.Null(PlanSeal.Open(key, sealedBytes, id));
    }

    [Fact]
    public void The_wrapping_key_depends_on_code_salt_and_purpose()
    {
        var salt = PlanSeal.NewSalt();
        var key = PlanSeal.KeyFromCode("ABCDEFGHJKMNPQRSTVWX", salt, "owner");
        Assert.Equal(key, PlanSeal.KeyFromCode("ABCDEFGHJKMNPQRSTVWX", salt, "owner"));
        Assert.NotEqual(key, PlanSeal.KeyFromCode("ABCDEFGHJKMNPQRSTVWY", salt, "owner"));
        Assert.NotEqual(key, PlanSeal.KeyFromCode("ABCDEFGHJKMNPQRSTVWX", PlanSeal.NewSalt(), "owner"));
        Assert.NotEqual(key, PlanSeal.KeyFromCode("ABCDEFGHJKMNPQRSTVWX", salt, "share"));
    }

    [Fact]
    public void Removing_a_line_keeps_the_others_in_order()
    {
        var draft = new PlanDraft(new Dictionary<string, PlanEntry?[]?> { ["coping"] = [new("a"), new("b"), new("c")] }, PlanDraft.RemoveAction("coping", 1));
        Assert.Equal<PlanEntry?>([new PlanEntry("a"), new PlanEntry("c")], draft.Edited().Sections["coping"]!.ToList());
        Assert.Null(draft.Edited().Lines("coping")[^1]); // and an empty line to write in
    }
}
