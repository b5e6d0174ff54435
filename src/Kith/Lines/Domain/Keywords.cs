namespace Kith.Lines.Domain;

internal enum Keyword { None, Stop, Start, Help }

/// <summary>
/// The carrier keywords (CTIA; what Twilio honours): a message that is exactly one of them, trimmed and in any case.
/// "stop it, please" is a message for a person, not an opt-out.
/// </summary>
internal static class Keywords
{
    private static readonly HashSet<string> Stops = ["STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT", "CANCEL"];
    private static readonly HashSet<string> Starts = ["START", "UNSTOP"];
    private static readonly HashSet<string> Helps = ["HELP"];

    public static Keyword Of(string? body)
    {
        var word = body?.Trim().ToUpperInvariant() ?? "";
        return Stops.Contains(word) ? Keyword.Stop : Starts.Contains(word) ? Keyword.Start : Helps.Contains(word) ? Keyword.Help : Keyword.None;
    }
}
