using Kith.Platform.Web.Once;

namespace Kith.Screening.Answering;

/// <summary>
/// The public screening writes taken once (ADR 26, ADR 30): each form carries a one-time token, and a refresh or a
/// double tap that sends it again gets the first answer back instead of a second response, concern or plan. A form
/// without a token (an old page) is taken as before.
/// </summary>
internal static class ScreeningOnce
{
    public const string Field = "once";

    /// <summary>A stored self-check or campaign answer: the token is remembered for a day, nothing is replayed but "recorded".</summary>
    public static readonly SentOnceScope Answers = new("screening.answers", TimeSpan.FromHours(24), TimeSpan.FromMinutes(10));
    /// <summary>Asking for someone to reach out: the receipt is shown again for ten minutes, then only "already asked".</summary>
    public static readonly SentOnceScope ReachOut = new("screening.reach-out", TimeSpan.FromHours(24), ShownOnce.Lifetime);
    /// <summary>A new safety plan: its private code is shown again for ten minutes, then only "already saved".</summary>
    public static readonly SentOnceScope NewPlan = new("safety-plan.new", TimeSpan.FromHours(24), ShownOnce.Lifetime);

    /// <summary>How long a double tap waits for the first tap's answer.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static string? Token(IFormCollection form) => form[Field].ToString() is { Length: > 0 and <= 64 } token ? token : null;

    /// <summary>What makes two sends "the same": every field but the antiforgery token and the one-time token, in order.</summary>
    public static string Fingerprint(IFormCollection form) =>
        string.Join('\n', form.Where(f => f.Key is not (Field or "__RequestVerificationToken"))
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + string.Join('\u001f', f.Value.ToArray())));
}
