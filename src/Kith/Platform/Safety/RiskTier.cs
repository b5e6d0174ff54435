namespace Kith.Platform.Safety;

/// <summary>
/// How fast a risk signal asks someone to act. Each module maps it to its own scale (a concern's
/// <c>Tier</c>, a line's priority): the engine says what the words mean, the module decides what to do.
/// </summary>
internal enum RiskTier
{
    /// <summary>Talk of suicide, self-harm, threats or abuse: someone should act today.</summary>
    Urgent = 1,
    /// <summary>A plan, means, timing, a goodbye, someone hurt right now: act now.</summary>
    Imminent = 2,
}

/// <summary>
/// One signal the engine found: the rule it fired ("phrase.es.plan-or-means": language, then rule) and
/// its tier; for a search, also the listed term the query matched ("want to die").
/// </summary>
internal sealed record RiskSignal(string Rule, RiskTier Tier, string? Term = null);
