namespace Kith.Concerns.Domain;

/// <summary>
/// The fixed answers of the concern form. Codes are stored and sent over the API; the English titles are
/// also the translation keys. Adding a code here adds it to the form, the API and triage.
/// </summary>
internal static class ConcernAnswers
{
    /// <summary>Who the concern is about.</summary>
    public static readonly IReadOnlyList<(string Code, string Title)> About =
    [
        ("friend", "A friend"),
        ("family", "A family member"),
        ("student", "A student"),
        ("coworker", "A co-worker"),
        ("neighbour", "A neighbour"),
        ("self", "Myself"),
    ];

    /// <summary>What worries the reporter (several may apply).</summary>
    public static readonly IReadOnlyList<(string Code, string Title)> Categories =
    [
        ("suicide-self-harm", "Talking about suicide or self-harm"),
        ("hurting-others", "Talking about hurting others"),
        ("being-hurt", "Being hurt or abused"),
        ("bullying", "Bullying"),
        ("substances", "Alcohol or drugs"),
        ("grief", "Grief or loss"),
        ("eating-sleeping", "Not eating or not sleeping"),
        ("other", "Something else"),
    ];

    /// <summary>How urgent it feels to the reporter. An input to triage, not the tier itself.</summary>
    public static readonly IReadOnlyList<(string Code, string Title)> Urgency =
    [
        ("danger-now", "Someone may be in danger right now"),
        ("soon", "Someone should talk to them in the next day or two"),
        ("can-wait", "It is not urgent, but someone should know"),
    ];

    public static bool IsAbout(string? code) => About.Any(a => a.Code == code);
    public static bool IsCategory(string? code) => Categories.Any(c => c.Code == code);
    public static bool IsUrgency(string? code) => Urgency.Any(u => u.Code == code);
}
