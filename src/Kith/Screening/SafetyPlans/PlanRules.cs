namespace Kith.Screening.SafetyPlans;

/// <summary>
/// What a plan may hold: known sections only, a few short entries each, numbers only where a section asks for
/// one. Problems are keyed by the form field they belong to (<c>helpers.2.phone</c>), so a page can put each
/// message beside its field and the API can name it.
/// </summary>
internal static class PlanRules
{
    public const int MaxEntries = 10;
    public const int MaxText = 200;
    public const int MaxPhone = 30;
    /// <summary>Digits, spaces, dashes, brackets, dots or +, with at least one digit.</summary>
    public const string PhonePattern = @"^(?=[^0-9]*[0-9])[0-9 ()+.\-]{1,30}$";
    /// <summary>The key of a problem with the plan as a whole.</summary>
    public const string Whole = "plan";

    /// <summary>Trims, drops empty lines, and checks the rest. Returns the clean plan, or the problems.</summary>
    public static (PlanContent? Plan, IReadOnlyDictionary<string, string[]> Problems) Check(IReadOnlyDictionary<string, PlanEntry?[]?>? sections)
    {
        var problems = new Dictionary<string, string[]>();
        var clean = new Dictionary<string, IReadOnlyList<PlanEntry>>();
        foreach (var (key, entries) in sections ?? new Dictionary<string, PlanEntry?[]?>())
        {
            var section = PlanSections.Find(key);
            if (section is null)
            {
                problems[key] = ["There is no such section in a safety plan."];
                continue;
            }
            var kept = new List<PlanEntry>();
            var index = 0;
            foreach (var entry in entries ?? [])
            {
                var field = FieldName(key, index++);
                var text = entry?.Text?.Trim() ?? "";
                var phone = entry?.Phone?.Trim() is { Length: > 0 } p ? p : null;
                if (text.Length == 0 && phone is null) continue;
                if (text.Length == 0) problems[field + ".text"] = ["Write a name for this number."];
                else if (text.Length > MaxText) problems[field + ".text"] = ["Keep each entry under 200 characters."];
                if (phone is not null && !section.HasPhone) problems[field + ".phone"] = ["This section has no phone numbers."];
                else if (phone is not null && !IsPhone(phone)) problems[field + ".phone"] = ["Write the number with digits, spaces, dashes, brackets or +."];
                kept.Add(new PlanEntry(text, phone));
            }
            if (kept.Count > MaxEntries) problems[key] = ["A section holds at most 10 entries."];
            if (kept.Count > 0) clean[key] = kept;
        }
        if (problems.Count == 0 && clean.Count == 0) problems[Whole] = ["Write at least one thing in your plan before saving it."];
        return problems.Count == 0 ? (new PlanContent(clean), problems) : (null, problems);
    }

    public static string FieldName(string section, int index) => $"{section}.{index}";

    private static bool IsPhone(string phone) => System.Text.RegularExpressions.Regex.IsMatch(phone, PhonePattern);
}
