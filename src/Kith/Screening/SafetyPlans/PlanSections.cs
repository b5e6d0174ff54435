namespace Kith.Screening.SafetyPlans;

/// <summary>One of the seven Stanley–Brown steps. Title and hint are English and also the translation keys.</summary>
internal sealed record PlanSection(string Key, int Step, string Title, string Hint, bool HasPhone);

/// <summary>The Stanley–Brown safety plan's steps, in the order a person uses them when things get worse.</summary>
internal static class PlanSections
{
    public const string Professionals = "professionals";

    public static readonly IReadOnlyList<PlanSection> All =
    [
        new("warning-signs", 1, "Warning signs", "Thoughts, feelings, situations or behaviours that tell me a crisis may be starting.", false),
        new("coping", 2, "Things I can do on my own", "Ways to take my mind off my problems without contacting anyone: a walk, music, a shower…", false),
        new("distraction", 3, "People and places that take my mind off things", "People to be with and social places to go, not necessarily to talk about how I feel.", false),
        new("helpers", 4, "People I can ask for help", "Friends or family I can tell that I am struggling.", true),
        new(Professionals, 5, "Professionals and crisis lines", "Counsellors, doctors, services and lines to call or text in a crisis.", true),
        new("safe-environment", 6, "Making my surroundings safe", "What I will do to keep things I could use to hurt myself out of reach, and who can help with that.", false),
        new("reasons", 7, "My reasons for living", "The people, things and hopes that matter most to me.", false),
    ];

    /// <summary>The section keys a plan (and the API's <c>sections</c> object) may use.</summary>
    public static IEnumerable<string> Keys => All.Select(s => s.Key);

    public static PlanSection? Find(string key) => All.FirstOrDefault(s => s.Key == key);
}
