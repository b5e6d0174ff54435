using Kith.Concerns.Domain;
using Kith.Concerns.Contracts;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.CaseStatuses;

/// <summary>
/// Changes the deployment's status table. Every change is tried on the whole table first
/// (<see cref="StatusTableRules"/>), then saved with its audit entry (codes only).
/// </summary>
internal sealed class StatusTableEditor(KithDb db, StatusTableReader reader, AdminChanges changes)
{
    public async Task<AdminResult> AddStatusAsync(StatusRequest request, string? actorId, CancellationToken ct)
    {
        var errors = CheckFields(request.Code, request.Name, request.Kind);
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        var (statuses, transitions) = await TableAsync(ct);
        if (statuses.Any(s => s.Code == request.Code)) return AdminResult.Conflict(new() { ["code"] = ["A status with this code already exists."] });
        var status = new CaseStatus { Code = request.Code!, Name = request.Name!.Trim(), Kind = request.Kind!, Position = statuses.Count + 1 };
        errors = StatusTableRules.Check([.. statuses, status], transitions);
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        Renumber(statuses);
        db.CaseStatuses.Add(status);
        return await changes.SaveAsync("status-added", actorId, "concern-status", status.Code, new { kind = status.Kind }, ct);
    }

    /// <summary>Renames a status, changes its kind (not while concerns are in it) or its code (only if never used).</summary>
    public async Task<AdminResult> UpdateStatusAsync(string code, StatusRequest request, string? actorId, CancellationToken ct)
    {
        if (!Plausible(code)) return AdminResult.NotFound;
        var (statuses, transitions) = await TableAsync(ct);
        var status = statuses.SingleOrDefault(s => s.Code == code);
        if (status is null) return AdminResult.NotFound;
        var newCode = string.IsNullOrWhiteSpace(request.Code) ? code : request.Code;
        var kind = string.IsNullOrWhiteSpace(request.Kind) ? status.Kind : request.Kind;
        var errors = CheckFields(newCode, request.Name, kind);
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        if (newCode != code && statuses.Any(s => s.Code == newCode))
            return AdminResult.Conflict(new() { ["code"] = ["A status with this code already exists."] });
        if (newCode != code && await reader.EverUsedAsync(code, ct))
            return AdminResult.Conflict(new() { ["code"] = ["Concerns have been in this status, so its code is part of their history and cannot change."] });
        if (kind != status.Kind && await db.Concerns.AnyAsync(c => c.Status == code, ct))
            return AdminResult.Conflict(new() { ["kind"] = ["Concerns are in this status now, so its kind cannot change."] });
        var proposed = new CaseStatus { Code = newCode, Name = request.Name!.Trim(), Kind = kind, Position = status.Position };
        var movedTransitions = transitions.Select(t => Recoded(t, code, newCode)).ToList();
        errors = StatusTableRules.Check(statuses.Select(s => s.Code == code ? proposed : s).ToList(), movedTransitions);
        if (errors.Count > 0) return AdminResult.Invalid(errors);

        if (newCode == code)
        {
            status.Name = proposed.Name;
            status.Kind = proposed.Kind;
        }
        else
        {
            // The code is the key: the status and its moves are replaced, in one save.
            db.StatusTransitions.RemoveRange(transitions.Where(t => t.FromStatus == code || t.ToStatus == code));
            db.CaseStatuses.Remove(status);
            db.CaseStatuses.Add(proposed);
            db.StatusTransitions.AddRange(movedTransitions.Where(t => t.FromStatus == newCode || t.ToStatus == newCode));
        }
        return await changes.SaveAsync("status-updated", actorId, "concern-status", newCode, new { previousCode = code, kind }, ct);
    }

    public async Task<AdminResult> MoveStatusAsync(string code, string? direction, string? actorId, CancellationToken ct)
    {
        if (direction is not ("up" or "down")) return AdminResult.Invalid(new() { ["direction"] = ["Choose up or down."] });
        if (!Plausible(code)) return AdminResult.NotFound;
        var (statuses, _) = await TableAsync(ct);
        var index = statuses.FindIndex(s => s.Code == code);
        if (index < 0) return AdminResult.NotFound;
        var other = direction == "up" ? index - 1 : index + 1;
        if (other < 0 || other >= statuses.Count) return AdminResult.Saved(code);
        (statuses[index], statuses[other]) = (statuses[other], statuses[index]);
        Renumber(statuses);
        return await changes.SaveAsync("status-moved", actorId, "concern-status", code, new { direction }, ct);
    }

    /// <summary>Deletes a status no concern is in, with its moves. The table must still hold its "new" and a "closed" status.</summary>
    public async Task<AdminResult> DeleteStatusAsync(string code, string? actorId, CancellationToken ct)
    {
        if (!Plausible(code)) return AdminResult.NotFound;
        var (statuses, transitions) = await TableAsync(ct);
        var status = statuses.SingleOrDefault(s => s.Code == code);
        if (status is null) return AdminResult.NotFound;
        if (await db.Concerns.AnyAsync(c => c.Status == code, ct))
            return AdminResult.Conflict(new() { ["code"] = ["Concerns are in this status now. Move them on before deleting it."] });
        var left = statuses.Where(s => s.Code != code).ToList();
        var errors = StatusTableRules.Check(left, transitions.Where(t => t.FromStatus != code && t.ToStatus != code).ToList());
        if (errors.Count > 0) return AdminResult.Conflict(errors);
        db.StatusTransitions.RemoveRange(transitions.Where(t => t.FromStatus == code || t.ToStatus == code));
        db.CaseStatuses.Remove(status);
        Renumber(left);
        return await changes.SaveAsync("status-deleted", actorId, "concern-status", code, null, ct);
    }

    public async Task<AdminResult> AddTransitionAsync(TransitionRequest request, string? actorId, CancellationToken ct)
    {
        var (statuses, transitions) = await TableAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (statuses.All(s => s.Code != request.From)) errors["from"] = ["Choose the status the move starts from."];
        if (statuses.All(s => s.Code != request.To)) errors["to"] = ["Choose the status the move goes to."];
        else if (request.From == request.To) errors["to"] = ["A move must go to a different status."];
        CheckDays(request.AutomaticAfterDays, errors);
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        if (transitions.Any(t => t.FromStatus == request.From && t.ToStatus == request.To))
            return AdminResult.Conflict(new() { ["to"] = ["That move is already allowed."] });
        var transition = new StatusTransition { FromStatus = request.From!, ToStatus = request.To!, AutomaticAfterDays = request.AutomaticAfterDays };
        errors = StatusTableRules.Check(statuses, [.. transitions, transition]);
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        db.StatusTransitions.Add(transition);
        return await changes.SaveAsync("transition-added", actorId, "concern-status", transition.FromStatus,
            new { to = transition.ToStatus, automaticAfterDays = transition.AutomaticAfterDays }, ct);
    }

    public async Task<AdminResult> SetAutomaticAsync(string from, string to, int? days, string? actorId, CancellationToken ct)
    {
        if (!Plausible(from, to)) return AdminResult.NotFound;
        var (statuses, transitions) = await TableAsync(ct);
        var transition = transitions.SingleOrDefault(t => t.FromStatus == from && t.ToStatus == to);
        if (transition is null) return AdminResult.NotFound;
        var errors = new Dictionary<string, string[]>();
        CheckDays(days, errors);
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        transition.AutomaticAfterDays = days;
        errors = StatusTableRules.Check(statuses, transitions);
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        return await changes.SaveAsync("transition-updated", actorId, "concern-status", from, new { to, automaticAfterDays = days }, ct);
    }

    public async Task<AdminResult> DeleteTransitionAsync(string from, string to, string? actorId, CancellationToken ct)
    {
        if (!Plausible(from, to)) return AdminResult.NotFound;
        var transition = await db.StatusTransitions.SingleOrDefaultAsync(t => t.FromStatus == from && t.ToStatus == to, ct);
        if (transition is null) return AdminResult.NotFound;
        db.StatusTransitions.Remove(transition);
        return await changes.SaveAsync("transition-deleted", actorId, "concern-status", from, new { to }, ct);
    }

    /// <summary>Codes from a path or body are checked for shape before they reach a query.</summary>
    private static bool Plausible(params string?[] codes) => codes.All(StatusTableRules.IsCode);

    private async Task<(List<CaseStatus> Statuses, List<StatusTransition> Transitions)> TableAsync(CancellationToken ct) =>
        (await db.CaseStatuses.OrderBy(s => s.Position).ThenBy(s => s.Code).ToListAsync(ct), await db.StatusTransitions.ToListAsync(ct));

    private static Dictionary<string, string[]> CheckFields(string? code, string? name, string? kind)
    {
        var errors = new Dictionary<string, string[]>();
        if (!StatusTableRules.IsCode(code))
            errors["code"] = ["The code is lower-case letters, digits and underscores, starting with a letter (40 at most)."];
        if (string.IsNullOrWhiteSpace(name)) errors["name"] = ["Enter the status's name."];
        else if (name.Trim().Length > 100) errors["name"] = ["The name is too long (100 characters at most)."];
        else if (name.Any(char.IsControl)) errors["name"] = ["The name cannot contain control characters."];
        if (kind is null || !StatusTableRules.Kinds.Contains(kind)) errors["kind"] = ["Choose the kind: new, open, waiting or closed."];
        return errors;
    }

    private static void CheckDays(int? days, Dictionary<string, string[]> errors)
    {
        if (days is < 1 or > StatusTableRules.MaxAutomaticDays)
            errors["automaticAfterDays"] = ["Automatic moves take between 1 and 3650 days."];
    }

    private static StatusTransition Recoded(StatusTransition t, string from, string to) => new()
    {
        FromStatus = t.FromStatus == from ? to : t.FromStatus, ToStatus = t.ToStatus == from ? to : t.ToStatus,
        AutomaticAfterDays = t.AutomaticAfterDays,
    };

    private static void Renumber(List<CaseStatus> statuses)
    {
        for (var i = 0; i < statuses.Count; i++) statuses[i].Position = i + 1;
    }
}
