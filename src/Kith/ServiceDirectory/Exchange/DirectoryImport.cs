using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Hsds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.ServiceDirectory.Exchange;

/// <param name="Replace">Also delete rows of the tables the input holds that the input does not have (a full sync).</param>
/// <param name="Owner">The Kith organisation (name or id) that owns every new organization; otherwise matched by name.</param>
/// <param name="DryRun">Do everything, report it, and roll it back.</param>
/// <param name="AllowMassDelete">Let <c>Replace</c> delete more than the configured share of a table, or the last crisis line (see <see cref="ReplaceGuard"/>).</param>
internal sealed record DirectoryImportOptions(bool Replace = false, string? Owner = null, bool DryRun = false, Action<ImportProgress>? Progress = null,
    bool AllowMassDelete = false);

internal sealed record ImportProgress(string Phase, int Done, int Total);

internal sealed record TableCounts(string Table, int Inserted, int Updated, int Unchanged, int Deleted);

internal sealed record DirectoryImportResult(bool Succeeded, ImportProblems Problems, ImportProblems Warnings, IReadOnlyList<TableCounts> Tables)
{
    public int Inserted => Tables.Sum(t => t.Inserted);
    public int Updated => Tables.Sum(t => t.Updated);
    public int Deleted => Tables.Sum(t => t.Deleted);
}

/// <summary>
/// Imports an HSDS dataset all or nothing: read, check everything, then apply in one transaction, or change
/// nothing. Rows are matched by id, so a re-import updates in place and an unchanged row is not written.
/// Kith's own columns never come from a file: the owner, a location's confidentiality, a service's assurance
/// and waitlist keep their values; new rows get their area from their coordinates and their owner by name.
/// A confidential location's address, coordinates and transportation are kept when the input leaves them
/// empty, because Kith's own exports leave them out (and <c>replace</c> keeps such addresses for the same reason).
/// </summary>
internal sealed class DirectoryImport(KithDb db, AuditLog audit, ICommunityFacts community, TimeProvider time, IHttpClientFactory http,
    ReplaceGuard guard, IOptions<PublicPointOptions> publicPoints)
{
    public const string HttpClientName = "directory-import";
    private const int Batch = 1000;

    public async Task<DirectoryImportResult> ImportAsync(string pathOrUrl, DirectoryImportOptions options, string? actorId, CancellationToken ct)
    {
        using var input = await HsdsInput.OpenAsync(pathOrUrl, http.CreateClient(HttpClientName), ct);
        return await ImportAsync(input, options, actorId, ct);
    }

    public async Task<DirectoryImportResult> ImportAsync(HsdsInput input, DirectoryImportOptions options, string? actorId, CancellationToken ct)
    {
        var problems = new ImportProblems();
        var warnings = new ImportProblems();
        var (raw, present) = Read(input, problems, options.Progress);
        if (options.Replace) ReplaceGuard.CheckFiles(input, problems);
        var confidential = ConfidentialPlaces.Read(input, problems);
        var organisations = await community.OrganisationsAsync(ct);
        Guid? owner = null;
        if (options.Owner is { } wanted)
        {
            owner = organisations.FirstOrDefault(o => o.Id.ToString() == wanted || string.Equals(o.Name, wanted, StringComparison.OrdinalIgnoreCase))?.Id;
            if (owner is null) problems.Add(new SourcePosition("--owner"), null, $"no Kith organisation is named or has the id '{wanted}'");
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var existing = new Dictionary<HsdsTable, Dictionary<string, object>>();
            foreach (var table in ExchangeTables.All) existing[table] = await LoadAsync(table, ct);
            // A full sync keeps of the tables it holds only what it imports (and Kith's vocabulary): references must resolve to that.
            var idSets = existing.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)(options.Replace && present.Contains(e.Key)
                ? e.Value.Keys.Where(Applying.KithVocabularyIds.Contains) : e.Value.Keys).ToHashSet());
            var dataset = HsdsValidation.Check(raw, problems, warnings, t => idSets[t], present);
            TranslationRows.Check(dataset, existing, problems);
            if (options.Replace) CheckOrphans(dataset, existing, problems, warnings);
            if (problems.Count > 0) return new(false, problems, warnings, []);

            var crisisLines = options.Replace ? await guard.CrisisLinesAsync(ct) : 0;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var areas = new AreaLocator(await community.AreasAsync(ct));
            var apply = new Applying(db, existing, areas, new PublicPoint(publicPoints.Value, areas.Find),
                organisations, owner, dataset.RowCount, options.Progress, ct);
            var counts = new List<TableCounts>();
            foreach (var table in dataset.Tables)
                counts.Add(await apply.TableAsync(table, dataset.Rows(table), options.Replace, existing));
            await apply.FlushAsync();
            var markedConfidential = await ConfidentialPlaces.ApplyAsync(db, confidential, ct);
            if (options.Replace && !options.AllowMassDelete)
            {
                await guard.CheckDeletionsAsync(counts, existing.ToDictionary(e => e.Key.Name, e => e.Value.Count), crisisLines, problems, ct);
                if (problems.Count > 0) return new(false, problems, warnings, []); // rolled back with the transaction
            }
            var now = time.GetUtcNow().UtcDateTime;
            if (markedConfidential > 0 || counts.Any(c => c.Inserted + c.Updated + c.Deleted > 0)) await db.BumpRevisionAsync(now, ct);
            await audit.RecordAsync("directory.import", actorId, "directory", null, new
            {
                replace = options.Replace,
                dryRun = options.DryRun,
                inserted = counts.Sum(c => c.Inserted),
                updated = counts.Sum(c => c.Updated),
                unchanged = counts.Sum(c => c.Unchanged),
                deleted = counts.Sum(c => c.Deleted),
                markedConfidential,
                tables = counts.Where(c => c.Inserted + c.Updated + c.Deleted > 0).ToDictionary(c => c.Table, c => new { c.Inserted, c.Updated, c.Deleted }),
            }, ct);
            if (options.DryRun) await transaction.RollbackAsync(ct);
            else await transaction.CommitAsync(ct);
            return new(true, problems, warnings, counts);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// A full sync deletes rows of the tables the input holds; rows of the tables it does not hold stay, and must
    /// not be left pointing at what was deleted (a phone at a location the new package no longer has).
    /// </summary>
    private static void CheckOrphans(HsdsDataset dataset, Dictionary<HsdsTable, Dictionary<string, object>> existing,
        ImportProblems problems, ImportProblems warnings)
    {
        var deleted = dataset.Tables.ToDictionary(t => t, t => existing[t].Keys.Except(dataset.Rows(t).Select(r => r.Id)).ToHashSet());
        foreach (var table in ExchangeTables.All.Where(t => !dataset.Holds(t)))
            foreach (var reference in ExchangeTables.References(table).Where(r => deleted.ContainsKey(r.Target)))
                foreach (var row in existing[table].Values)
                    if (reference.Field.Get(row) is string target && deleted[reference.Target].Contains(target))
                        (reference.Field.Required ? problems : warnings).Add(new SourcePosition($"{table.Name} {table.Id.Get(row)} (in the directory)"),
                            reference.Field.Name, $"--replace would delete the {reference.Target.Name} {target} it points at; include its table in the import");
    }

    private static (List<RawRow> Rows, List<HsdsTable> Present) Read(HsdsInput input, ImportProblems problems, Action<ImportProgress>? progress)
    {
        if (input.Package is { } package)
        {
            var rows = TabularReader.Read(package, problems, n => progress?.Invoke(new("read", n, 0))).ToList();
            // A file that is there but empty still counts as holding that table (replace empties it).
            var present = ExchangeTables.All.Where(t => rows.Any(r => r.Table == t) || TableFileExists(package, t)).ToList();
            return (rows, present);
        }
        var json = new JsonReader(input.Name, problems).Read(input.Json!).ToList();
        return (json, json.Select(r => r.Table).Distinct().ToList());
    }

    private static bool TableFileExists(IPackageFiles package, HsdsTable table) => package.Length(table.Path) is not null;

    private async Task<Dictionary<string, object>> LoadAsync(HsdsTable table, CancellationToken ct) =>
        (await DirectoryRows.AllAsync(db, table, ct)).ToDictionary(e => (string)table.Id.Get(e)!, StringComparer.Ordinal);

    /// <summary>The write half: one table at a time, saved in batches with change detection off.</summary>
    private sealed class Applying(KithDb db, Dictionary<HsdsTable, Dictionary<string, object>> existing, AreaLocator areas, PublicPoint publicPoint,
        IReadOnlyList<OrganisationFact> organisations, Guid? owner, int total, Action<ImportProgress>? progress, CancellationToken ct)
    {
        private static readonly string[] ConfidentialFields = ["latitude", "longitude", "transportation"];
        public static readonly HashSet<string> KithVocabularyIds =
        [
            KithVocabulary.NeedsTaxonomyId, KithVocabulary.DeliveryTaxonomyId, KithVocabulary.AccessibilityTaxonomyId,
            .. KithVocabulary.Needs.Select(t => t.Id), .. KithVocabulary.Delivery.Select(t => t.Id), .. KithVocabulary.AccessibilityFeatures.Select(t => t.Id),
        ];
        private readonly HashSet<string> deletedLocations = new(StringComparer.Ordinal);
        private int pending;
        private int done;

        public async Task<TableCounts> TableAsync(HsdsTable table, IReadOnlyList<HsdsRow> rows, bool replace,
            Dictionary<HsdsTable, Dictionary<string, object>> all)
        {
            int inserted = 0, updated = 0, unchanged = 0, deleted = 0;
            var current = existing[table];
            foreach (var row in rows)
            {
                if (current.TryGetValue(row.Id, out var old))
                {
                    var merged = Merge(table, old, row);
                    if (merged is null) unchanged++;
                    else
                    {
                        db.Update(merged);
                        updated++;
                        await CountAsync();
                    }
                }
                else
                {
                    Complete(row.Entity);
                    db.Add(row.Entity);
                    inserted++;
                    await CountAsync();
                }
                if (++done % Batch == 0) progress?.Invoke(new("write", done, total));
            }
            if (replace)
            {
                var keep = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var (id, old) in current)
                {
                    if (keep.Contains(id) || KithVocabularyIds.Contains(id) || IsConfidentialAddress(old, all)) continue;
                    if (old is Location) deletedLocations.Add(id);
                    db.Remove(old);
                    deleted++;
                    await CountAsync();
                }
            }
            return new(table.Name, inserted, updated, unchanged, deleted);
        }

        public async Task FlushAsync()
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            pending = 0;
        }

        private async Task CountAsync()
        {
            if (++pending >= Batch) await FlushAsync();
        }

        /// <summary>The existing row with the input's values, or null when nothing the input gives differs.</summary>
        private object? Merge(HsdsTable table, object old, HsdsRow row)
        {
            var merged = Activator.CreateInstance(table.Entity)!;
            foreach (var p in table.Entity.GetProperties()) p.SetValue(merged, p.GetValue(old));
            var changed = false;
            var keepHidden = old is Location { Confidential: true };
            foreach (var field in table.Fields)
            {
                if (!row.Given.Contains(field.Name)) continue;
                var value = field.Get(row.Entity);
                if (value is null && keepHidden && ConfidentialFields.Contains(field.Name)) continue;
                if (Equals(value, field.Get(old)) || SameMicrosecond(value, field.Get(old))) continue;
                field.Set(merged, value);
                changed = true;
            }
            if (changed && merged is Location location && old is Location before
                && (location.Latitude != before.Latitude || location.Longitude != before.Longitude))
            {
                location.AreaId = AreaOf(location);
                // A refuge that moved keeps its public point while it still fits, and gets a new one when not (ADR 12).
                publicPoint.Settle(location);
            }
            return changed ? merged : null;
        }

        /// <summary>A file carries instants to the microsecond; SQLite keeps the editor's finer ticks, which are no change.</summary>
        private static bool SameMicrosecond(object? value, object? stored) =>
            value is DateTime a && stored is DateTime b && a.Ticks / 10 == b.Ticks / 10;

        /// <summary>Kith's columns for a new row: its area, and the Kith organisation that owns it.</summary>
        private void Complete(object entity)
        {
            switch (entity)
            {
                case Location location:
                    location.AreaId = AreaOf(location);
                    break;
                case DirectoryOrganization organization:
                    organization.KithOrganisationId = owner ?? organisations
                        .FirstOrDefault(o => string.Equals(o.Name.Trim(), organization.Name.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
                    break;
            }
        }

        private Guid? AreaOf(Location l) => l is { Latitude: { } lat, Longitude: { } lon } ? areas.Find(lat, lon) : null;

        /// <summary>Exports leave out a confidential location's addresses, so a full sync from one must not delete them.</summary>
        private bool IsConfidentialAddress(object row, Dictionary<HsdsTable, Dictionary<string, object>> all) =>
            row is Address { LocationId: { } locationId } && !deletedLocations.Contains(locationId)
            && all[HsdsSchema.Table("location")].GetValueOrDefault(locationId) is Location { Confidential: true };
    }
}
