using System.Text.RegularExpressions;
using Kith.Concerns.Domain;

namespace Kith.Concerns.CaseStatuses;

/// <summary>
/// What any version of the status table must keep, checked on the whole table an edit would leave behind:
/// exactly one "new" status (code "new": every concern starts there), at least one "closed" status, no
/// automatic move out of "new" (an unacknowledged concern never moves on by itself), at most one automatic
/// move out of each status. Plain C#, no database.
/// </summary>
internal static partial class StatusTableRules
{
    public const string StartCode = "new";
    public static readonly IReadOnlyList<string> Kinds = [StatusKinds.New, StatusKinds.Open, StatusKinds.Waiting, StatusKinds.Closed];
    public const int MaxAutomaticDays = 3650;

    public static bool IsCode(string? code) => code is not null && CodeShape().IsMatch(code);

    public static Dictionary<string, string[]> Check(IReadOnlyList<CaseStatus> statuses, IReadOnlyList<StatusTransition> transitions)
    {
        var errors = new Dictionary<string, string[]>();
        var starts = statuses.Where(s => s.Kind == StatusKinds.New).ToList();
        if (starts.Count != 1) errors["kind"] = ["There must be exactly one status of the kind “new”: every concern starts there."];
        else if (starts[0].Code != StartCode) errors["code"] = ["The status every concern starts in keeps the code “new”."];
        if (statuses.All(s => s.Kind != StatusKinds.Closed)) errors["closed"] = ["At least one status must be of the kind “closed”."];
        var kinds = statuses.ToDictionary(s => s.Code, s => s.Kind);
        var automatic = transitions.Where(t => t.AutomaticAfterDays is not null).ToList();
        if (automatic.Any(t => kinds.GetValueOrDefault(t.FromStatus) == StatusKinds.New))
            errors["automaticAfterDays"] = ["A concern nobody has acknowledged never moves on by itself: no automatic move out of a “new” status."];
        else if (automatic.GroupBy(t => t.FromStatus).Any(g => g.Count() > 1))
            errors["automaticAfterDays"] = ["Only one automatic move can leave a status."];
        return errors;
    }

    /// <summary>Statuses no concern can reach from "new" by the allowed moves (a warning: they would never be used).</summary>
    public static IReadOnlyList<string> Unreachable(IReadOnlyList<CaseStatus> statuses, IReadOnlyList<StatusTransition> transitions)
    {
        var reached = new HashSet<string> { StartCode };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var from))
            foreach (var t in transitions.Where(t => t.FromStatus == from))
                if (reached.Add(t.ToStatus)) queue.Enqueue(t.ToStatus);
        return statuses.Where(s => !reached.Contains(s.Code)).Select(s => s.Code).ToList();
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex CodeShape();
}
