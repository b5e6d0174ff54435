using System.Text.RegularExpressions;

namespace Kith.Lines.Routing;

/// <summary>A step as the API and the rules read it.</summary>
internal sealed record StepRule(bool Language, string? Skill, int Seconds);

/// <summary>What routing compares: the responder's languages and skills.</summary>
internal sealed record Speaker(IReadOnlySet<string> Languages, IReadOnlySet<string> Skills)
{
    public static readonly Speaker Nobody = new(new HashSet<string>(), new HashSet<string>());

    public static Speaker Of(ResponderProfile? profile) => profile is null ? Nobody : new(Split(profile.Languages), Split(profile.Skills));

    private static HashSet<string> Split(string value) => [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>
/// The relaxation rules (plain, no database): which step holds a conversation after it has waited so long on its line,
/// and whether a responder satisfies it. Waiting exactly a step's seconds moves on to the next step.
/// </summary>
internal static partial class RoutingRules
{
    public const int MaxSteps = 5;
    public const int MinSeconds = 10;
    public const int MaxSeconds = 3600;
    public const int MaxLanguages = 10;
    public const int MaxSkills = 20;

    /// <summary>The step holding the conversation after <paramref name="waited"/> (null: every step has passed, anyone may take it).</summary>
    public static StepRule? Holding(IReadOnlyList<StepRule> steps, TimeSpan waited)
    {
        var elapsed = 0;
        foreach (var step in steps)
        {
            elapsed += step.Seconds;
            if (waited < TimeSpan.FromSeconds(elapsed)) return step;
        }
        return null;
    }

    /// <summary>Whether routing now lets this responder take a conversation in <paramref name="language"/> that has waited <paramref name="waited"/>.</summary>
    public static bool MayTake(IReadOnlyList<StepRule> steps, TimeSpan waited, string language, Speaker responder) =>
        Holding(steps, waited) is not { } step
        || ((!step.Language || responder.Languages.Contains(language)) && (step.Skill is null || responder.Skills.Contains(step.Skill)));

    public static Dictionary<string, string[]> CheckSteps(IReadOnlyList<StepRule>? steps)
    {
        var errors = new Dictionary<string, string[]>();
        if (steps is null) { errors["steps"] = ["Give the steps (an empty list: anyone staffing the line at once)."]; return errors; }
        if (steps.Count > MaxSteps) errors["steps"] = [$"At most {MaxSteps} steps."];
        for (var i = 0; i < steps.Count && i < MaxSteps; i++)
        {
            var step = steps[i];
            if (step is null) { errors[$"steps[{i}]"] = ["Each step needs a language or skill match and a number of seconds."]; continue; }
            if (!step.Language && step.Skill is null) errors[$"steps[{i}]"] = ["A step must require the texter's language, a skill, or both."];
            if (step.Skill is not null && !Tag().IsMatch(step.Skill)) errors[$"steps[{i}].skill"] = ["A skill is 1 to 30 lowercase letters, digits or hyphens."];
            if (step.Seconds is < MinSeconds or > MaxSeconds) errors[$"steps[{i}].seconds"] = [$"From {MinSeconds} to {MaxSeconds} seconds."];
        }
        return errors;
    }

    public static Dictionary<string, string[]> CheckProfile(IReadOnlyList<string>? languages, IReadOnlyList<string>? skills, int? maxActive)
    {
        var errors = new Dictionary<string, string[]>();
        if (languages is null || languages.Count > MaxLanguages || languages.Any(l => l is null || !LanguageCode().IsMatch(l)))
            errors["languages"] = [$"Up to {MaxLanguages} language codes such as \"en\", \"es\", \"so\"."];
        if (skills is null || skills.Count > MaxSkills || skills.Any(s => s is null || !Tag().IsMatch(s)))
            errors["skills"] = [$"Up to {MaxSkills} skills, each 1 to 30 lowercase letters, digits or hyphens."];
        if (maxActive is < 1 or > 10) errors["maxActive"] = ["From 1 to 10 (or null for the deployment's default)."];
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,29}$")]
    private static partial Regex Tag();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
