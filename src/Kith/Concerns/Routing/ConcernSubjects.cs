using Kith.Concerns.Domain;
using Kith.Responders.Contracts;

namespace Kith.Concerns.Routing;

/// <summary>A concern as Responders pages about it (kind "concern"), and the words of its pages.</summary>
internal static class ConcernSubjects
{
    public const string Kind = "concern";

    public static Subject Of(Concern concern) =>
        new(Kind, concern.Id, concern.Reference, $"/staff/concerns/{concern.Id}", concern.Tier);

    /// <summary>Only the reference, tier and link — never what was reported.</summary>
    public static Func<string, PageText> Wording(Concern concern, string kind) => link => Wording(concern.Reference, concern.TierValue, kind, link);

    private static PageText Wording(string reference, Tier tierValue, string kind, string link)
    {
        var tier = tierValue.Title().ToLowerInvariant();
        return kind switch
        {
            AlertKinds.Escalated => new($"Kith: {reference} needs acknowledging now",
                $"Nobody has acknowledged a concern ({reference}, {tier}) in time, and you are the next step. Open it: {link}"),
            AlertKinds.RaisedByReporter => new($"Kith: {reference} is now {tier}",
                $"The reporter of {reference} wrote again and it now reads as {tier}. It needs acknowledging now. Open it: {link}"),
            AlertKinds.ReporterReplied => new($"Kith: the reporter answered on {reference}", $"The reporter of {reference} wrote back. Open it: {link}"),
            AlertKinds.HandedOff => new($"Kith: {reference} was handed to your team", $"A concern ({reference}, {tier}) was handed to your team. Open it: {link}"),
            _ => new($"Kith: new concern {reference} ({tier})", $"A new concern ({reference}, {tier}) needs acknowledging. Open it: {link}"),
        };
    }
}
