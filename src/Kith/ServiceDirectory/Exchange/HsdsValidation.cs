using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>
/// Turns raw rows into typed rows and finds everything wrong, not just the first thing: each cell against its
/// field's type and format, required values, ids unique within a table, and references resolved against the
/// dataset itself or the rows already in the directory.
/// </summary>
internal static class HsdsValidation
{
    /// <summary>
    /// A reference to nothing is a problem when the field is required. An optional one (a location's
    /// organization_id, a term's parent_id) is only a warning: a partner's extract may point outside itself, and
    /// the HSDS 3.0 example package does so four times.
    /// </summary>
    public static HsdsDataset Check(IEnumerable<RawRow> raw, ImportProblems problems, ImportProblems warnings,
        Func<HsdsTable, IReadOnlySet<string>> existingIds, IEnumerable<HsdsTable> tablesPresent)
    {
        var dataset = new HsdsDataset();
        foreach (var t in tablesPresent) dataset.Include(t);
        var seen = new Dictionary<(HsdsTable, string), SourcePosition>();
        var givenByColumns = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var row in raw)
        {
            var entity = Activator.CreateInstance(row.Table.Entity)!;
            foreach (var field in row.Table.Fields)
            {
                var (value, problem) = HsdsValues.Parse(field, row[field.Name]);
                // A CSV without the column was reported once, at its header, not again on every row.
                var columnMissing = row.Source.Row is not null && !row.Cells.ContainsKey(field.Name);
                if (problem is not null && !columnMissing) problems.Add(row.Source, field.Name, problem);
                else if (value is not null) field.Set(entity, value);
            }
            var rewritten = entity is Schedule schedule && NormaliseFrequency(schedule, row, problems);
            var id = row["id"]?.Trim() ?? "";
            if (id.Length == 0) continue;
            if (seen.TryGetValue((row.Table, id), out var first))
            {
                problems.Add(row.Source, "id", $"{id} is used twice in {row.Table.Name} (also {first})");
                continue;
            }
            seen[(row.Table, id)] = row.Source;
            // Rows of one CSV file have the same columns: share one set rather than one per row.
            var key = string.Join(',', row.Cells.Keys);
            if (!givenByColumns.TryGetValue(key, out var given)) givenByColumns[key] = given = row.Cells.Keys.ToHashSet();
            // A rewritten DAILY row sets fields the input may have left empty: the merge must write them too.
            if (rewritten) given = given.Union(HsdsFrequency.Fields).ToHashSet();
            dataset.Add(row.Table, new HsdsRow(id, entity, row.Source, given));
        }
        CheckReferences(dataset, problems, warnings, existingIds);
        return dataset;
    }

    /// <summary>Stores HSDS 3.0's form of the row's frequency (DAILY becomes WEEKLY, ADR 24); true when the row was rewritten.</summary>
    private static bool NormaliseFrequency(Schedule schedule, RawRow row, ImportProblems problems)
    {
        var before = (schedule.Freq, schedule.Byday, schedule.OpensAt, schedule.ClosesAt);
        if (HsdsFrequency.Normalise(schedule) is { } problem) problems.Add(row.Source, "freq", problem);
        return before != (schedule.Freq, schedule.Byday, schedule.OpensAt, schedule.ClosesAt);
    }

    private static void CheckReferences(HsdsDataset dataset, ImportProblems problems, ImportProblems warnings,
        Func<HsdsTable, IReadOnlySet<string>> existingIds)
    {
        var imported = ExchangeTables.All.ToDictionary(t => t, t => dataset.Rows(t).Select(r => r.Id).ToHashSet());
        foreach (var table in dataset.Tables)
        {
            var references = ExchangeTables.References(table);
            foreach (var row in dataset.Rows(table))
                foreach (var reference in references)
                {
                    if (reference.Field.Get(row.Entity) is not string target || target.Length == 0) continue;
                    if (imported[reference.Target].Contains(target) || existingIds(reference.Target).Contains(target)) continue;
                    var reason = $"no {reference.Target.Name} has the id {target} (not in this import, not in the directory)";
                    (reference.Field.Required ? problems : warnings).Add(row.Source, reference.Field.Name, reason);
                }
        }
    }
}
