namespace Kith.Screening.SafetyPlans;

/// <summary>
/// The plan editor as posted, without JavaScript: every entry is a field (<c>helpers.2.phone</c>), and the button
/// pressed says what to do — save, remove one entry, or add a line (each section always shows one empty line,
/// so "add" is a plain round trip that keeps what was written).
/// </summary>
public sealed record PlanDraft(IReadOnlyDictionary<string, PlanEntry?[]?> Sections, string Action)
{
    public const string Save = "save";
    public const string Add = "add";
    private const string RemovePrefix = "remove:";

    public static PlanDraft From(PlanContent content) =>
        new(PlanSections.All.ToDictionary(s => s.Key, s => (PlanEntry?[]?)content.In(s.Key).Select(e => (PlanEntry?)e).ToArray()), Save);

    public static PlanDraft Read(IFormCollection form)
    {
        var sections = new Dictionary<string, PlanEntry?[]?>();
        foreach (var section in PlanSections.All)
        {
            var entries = new List<PlanEntry?>();
            // One more than the rules allow (and its empty line) is enough for them to refuse a padded post.
            for (var i = 0; i < PlanRules.MaxEntries + 2; i++)
            {
                var field = PlanRules.FieldName(section.Key, i);
                if (!form.ContainsKey(field + ".text") && !form.ContainsKey(field + ".phone")) break;
                entries.Add(new PlanEntry(form[field + ".text"].ToString(), section.HasPhone ? form[field + ".phone"].ToString() : null));
            }
            sections[section.Key] = [.. entries];
        }
        return new(sections, form["action"].ToString());
    }

    public static string RemoveAction(string section, int index) => $"{RemovePrefix}{section}:{index}";

    /// <summary>"Add another" in one step: the page comes back with that step's new line focused.</summary>
    public static string AddAction(string section) => $"{Add}:{section}";

    /// <summary>The step whose "Add another" was pressed, if any.</summary>
    public string? AddedTo => Action.StartsWith(Add + ":", StringComparison.Ordinal) ? Action[(Add.Length + 1)..] : null;

    /// <summary>What to show again after an add or remove: the written lines, without the one removed.</summary>
    public PlanDraft Edited()
    {
        var parts = Action.StartsWith(RemovePrefix, StringComparison.Ordinal) ? Action[RemovePrefix.Length..].Split(':') : [];
        var removeAt = parts.Length == 2 && int.TryParse(parts[1], out var i) ? (parts[0], i) : ("", -1);
        return this with
        {
            Sections = Sections.ToDictionary(s => s.Key, s => (PlanEntry?[]?)(s.Value ?? [])
                .Where((e, i) => (s.Key, i) != removeAt && !IsBlank(e)).ToArray()),
        };
    }

    /// <summary>The entries as the editor shows them: what was written, then one empty line while there is room.</summary>
    public IReadOnlyList<PlanEntry?> Lines(string section)
    {
        var written = Sections.GetValueOrDefault(section) ?? [];
        return written.Length < PlanRules.MaxEntries && (written.Length == 0 || !IsBlank(written[^1])) ? [.. written, null] : written;
    }

    private static bool IsBlank(PlanEntry? entry) => string.IsNullOrWhiteSpace(entry?.Text) && string.IsNullOrWhiteSpace(entry?.Phone);

    /// <summary>Where the error summary sends the reader for a problem.</summary>
    public static string FieldId(string problem) => problem switch
    {
        PlanRules.Whole => "plan-form",
        _ when PlanSections.Find(problem) is not null => problem + "-0-text",
        _ => problem.Replace('.', '-'),
    };
}
