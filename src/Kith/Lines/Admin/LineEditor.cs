using Kith.Platform.Data;
using Kith.Lines.Domain;
using Kith.Platform.Audit;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Admin;

/// <summary>What a change to a line came to: saved (with its id), invalid or clashing (errors by field), or no such line.</summary>
internal sealed record LineChange(int Status, Guid? Id, Dictionary<string, string[]> Errors)
{
    public static LineChange Saved(Guid id) => new(StatusCodes.Status200OK, id, []);
    public static LineChange Invalid(Dictionary<string, string[]> errors) => new(StatusCodes.Status400BadRequest, null, errors);
    public static LineChange Conflict(string field, string message) => new(StatusCodes.Status409Conflict, null, new() { [field] = [message] });
    public static readonly LineChange NotFound = new(StatusCodes.Status404NotFound, null, []);
}

/// <summary>
/// Creates and changes lines for the admin API and the seed alike: validated, saved and audited together (ids only
/// in the audit log). Authorization is the caller's: the route group requires an administrator.
/// </summary>
internal sealed class LineEditor(KithDb db, IResponderTeams teams, AuditLog audit, TimeProvider time)
{
    public async Task<LineChange> CreateAsync(LineRequest request, string? actorId, CancellationToken ct)
    {
        var errors = await CheckAsync(request, null, ct);
        if (errors.Count > 0) return LineChange.Invalid(errors);
        if (await ClashAsync(request, null, ct) is { } clash) return clash;
        var now = time.GetUtcNow().UtcDateTime;
        var line = new Line
        {
            Id = Guid.CreateVersion7(now), Slug = "", Name = "", Languages = "", TimeZone = "", Hours = "", Texts = "", Teams = "",
            CreatedAt = now,
        };
        Apply(line, request, now);
        db.Lines.Add(line);
        return await SaveAsync("lines.line-created", actorId, line.Id, ct);
    }

    public async Task<LineChange> UpdateAsync(Guid id, LineRequest request, string? actorId, CancellationToken ct)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (line is null) return LineChange.NotFound;
        var errors = await CheckAsync(request, id, ct);
        if (errors.Count > 0) return LineChange.Invalid(errors);
        if (await ClashAsync(request, id, ct) is { } clash) return clash;
        Apply(line, request, time.GetUtcNow().UtcDateTime);
        return await SaveAsync("lines.line-updated", actorId, id, ct);
    }

    private async Task<Dictionary<string, string[]>> CheckAsync(LineRequest request, Guid? id, CancellationToken ct)
    {
        var errors = LineRules.Check(request, id);
        if (request.Teams is { Length: > 0 } wanted && !errors.ContainsKey("teams"))
        {
            var found = await teams.FindAsync(wanted, ct);
            if (wanted.Any(t => !found.TryGetValue(t, out var team) || !team.Active)) errors["teams"] = ["Every team must exist and be active."];
        }
        if (request.BackupLineId is { } backup && !errors.ContainsKey("backupLineId"))
        {
            var backups = await db.Lines.AsNoTracking().Select(l => new { l.Id, l.BackupLineId, l.Active }).ToListAsync(ct);
            if (!backups.Any(b => b.Id == backup && b.Active)) errors["backupLineId"] = ["The backup must be another active line."];
            else if (id is { } self && LineRules.BackupCloses(self, backup, backups.ToDictionary(b => b.Id, b => b.BackupLineId)))
                errors["backupLineId"] = ["That backup leads back to this line: a conversation rolled over would return here."];
        }
        return errors;
    }

    private async Task<LineChange?> ClashAsync(LineRequest request, Guid? id, CancellationToken ct)
    {
        if (await db.Lines.AnyAsync(l => l.Slug == request.Slug && l.Id != id, ct)) return LineChange.Conflict("slug", "Another line has this address.");
        if (request.SmsNumber is { } number && await db.Lines.AnyAsync(l => l.SmsNumber == number && l.Id != id, ct))
            return LineChange.Conflict("smsNumber", "Another line answers this number.");
        if (request.ShortCode is { } code && await db.Lines.AnyAsync(l => l.ShortCode == code && l.Keyword == request.Keyword && l.Id != id, ct))
            return LineChange.Conflict("keyword", "Another line answers this short code with this keyword.");
        return null;
    }

    private static void Apply(Line line, LineRequest request, DateTime now)
    {
        var wait = WaitLimits.Default;
        line.Name = request.Name!.Trim();
        line.Slug = request.Slug!;
        line.Audience = string.IsNullOrWhiteSpace(request.Audience) ? null : request.Audience.Trim();
        line.Languages = string.Join(' ', request.Languages!);
        line.SmsNumber = request.SmsNumber;
        line.ShortCode = request.ShortCode;
        line.Keyword = request.Keyword;
        line.TimeZone = request.TimeZone!;
        line.Hours = LineSetup.StoreHours(request.Hours ?? []);
        line.Holidays = LineSetup.StoreHolidays((request.Holidays ?? []).Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd")));
        line.Texts = LineSetup.StoreTexts(request.Messages!);
        line.Teams = LineSetup.StoreTeams(request.Teams!);
        line.BackupLineId = request.BackupLineId;
        line.MaxWaitImminentSeconds = request.MaxWait?.Imminent ?? wait.Imminent;
        line.MaxWaitUrgentSeconds = request.MaxWait?.Urgent ?? wait.Urgent;
        line.MaxWaitRoutineSeconds = request.MaxWait?.Routine ?? wait.Routine;
        if (request.CaringContacts is { } caring) line.CaringSchedule = CaringContacts.CaringSchedules.Store(CaringContacts.CaringSchedules.Parse(caring)!);
        line.Active = request.Active ?? line.Active;
        line.UpdatedAt = now;
    }

    private async Task<LineChange> SaveAsync(string action, string? actorId, Guid id, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins raced past the same check (one number for two lines): the unique index decided.
            db.ChangeTracker.Clear();
            return LineChange.Conflict("", "Someone else changed the lines at the same time. Reload and try again.");
        }
        await audit.RecordAsync(action, actorId, "line", id.ToString(), null, ct);
        await transaction.CommitAsync(ct);
        return LineChange.Saved(id);
    }
}
