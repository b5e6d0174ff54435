using System.Globalization;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>
/// What keeps <c>--replace</c> from emptying the directory by accident (a truncated services.csv once deleted every
/// service, the 988 line included, and said so with exit code 0). A full sync is refused when a file of the package
/// is missing or empty, and, unless the operator says <c>--allow-mass-delete</c>, when it would delete more than
/// <c>Kith:Directory:ReplaceMaxDeleteShare</c> of any table or leave the directory without a crisis line.
/// </summary>
internal sealed class ReplaceGuard(KithDb db, IConfiguration configuration)
{
    public const string ShareSetting = "Kith:Directory:ReplaceMaxDeleteShare";
    public const double DefaultShare = 0.25;
    private static readonly SourcePosition Replace = new("--replace");

    private double MaxShare => Math.Clamp(configuration.GetValue(ShareSetting, DefaultShare), 0, 1);

    /// <summary>A file the package lists but lacks, or one with not even a header row, is a damaged package: never synced from.</summary>
    public static void CheckFiles(HsdsInput input, ImportProblems problems)
    {
        if (input.Package is null) return;
        foreach (var (path, reason) in TabularReader.Unusable(input.Package))
            problems.Add(new SourcePosition(path), null, $"{reason}; --replace would empty its table, so nothing was imported (a table meant to be empty still has its header row)");
    }

    /// <summary>Active services carrying the crisis-line need (or a term under it): the lines pinned for a person in danger.</summary>
    public async Task<int> CrisisLinesAsync(CancellationToken ct)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => t.ParentId != null).Select(t => new { t.Id, t.ParentId }).ToListAsync(ct);
        var crisis = new HashSet<string> { KithVocabulary.NeedId("crisis-line") };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var t in terms) grew |= crisis.Contains(t.ParentId!) && crisis.Add(t.Id);
        }
        var ids = crisis.ToList();
        return await db.Services.AsNoTracking().CountAsync(s => s.Status == "active"
            && db.HsdsAttributes.Any(a => a.LinkEntity == "service" && a.LinkId == s.Id && ids.Contains(a.TaxonomyTermId)), ct);
    }

    /// <summary>After the sync is applied (not yet committed): too much deleted from a table, or no crisis line left.</summary>
    public async Task CheckDeletionsAsync(IReadOnlyList<TableCounts> counts, IReadOnlyDictionary<string, int> rowsBefore, int crisisLinesBefore,
        ImportProblems problems, CancellationToken ct)
    {
        var share = MaxShare;
        foreach (var c in counts.Where(c => c.Deleted > 0))
        {
            var before = rowsBefore.GetValueOrDefault(c.Table);
            if (before == 0 || (double)c.Deleted / before <= share) continue;
            problems.Add(Replace, null, $"would delete {c.Deleted} of the {before} {c.Table} rows ({Percent((double)c.Deleted / before)}), more than "
                + $"{ShareSetting} allows ({Percent(share)}). Check that the package is complete; if the deletions are meant, add --allow-mass-delete");
        }
        if (crisisLinesBefore > 0 && await CrisisLinesAsync(ct) == 0)
            problems.Add(Replace, null, $"would leave the directory without a crisis line (it has {crisisLinesBefore}: active services with the crisis-line need), "
                + "so nobody in danger would be shown one. If that is meant, add --allow-mass-delete");
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
