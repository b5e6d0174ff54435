namespace Kith.Responders.Teams;

/// <summary>The rules a team and its rota keep, in plain C# (no database): checked before anything is saved.</summary>
internal static class TeamRules
{
    public const int MaxNameLength = 200;
    public const int MaxShiftDays = 31;

    public static Dictionary<string, string[]> CheckTeam(TeamRequest request, Guid? id)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = ["Enter the team's name."];
        else if (name.Length > MaxNameLength) errors["name"] = ["The name is too long (200 characters at most)."];
        else if (name.Any(char.IsControl)) errors["name"] = ["The name cannot contain control characters."];
        if (id is not null && request.BackupTeamId == id) errors["backupTeamId"] = ["A team cannot be its own backup."];
        return errors;
    }

    /// <summary>
    /// The circle this team's backup would close, as team ids from the team back to itself (A → B → A), or
    /// empty. Not an error — the chain pages a backup's on-call only, one step — but a circle usually means
    /// nobody outside the circle is left to catch a missed concern, so the pages warn about it.
    /// </summary>
    public static IReadOnlyList<Guid> BackupCircle(Guid team, IReadOnlyDictionary<Guid, Guid?> backups)
    {
        var path = new List<Guid> { team };
        var next = backups.GetValueOrDefault(team);
        while (next is { } step)
        {
            if (step == team) return [.. path, team];
            if (path.Contains(step)) return []; // a circle further on that does not come back to this team
            path.Add(step);
            next = backups.GetValueOrDefault(step);
        }
        return [];
    }

    /// <summary>Checks one shift (UTC times); no errors means it may be added.</summary>
    public static Dictionary<string, string[]> CheckShift(DateTime startsAt, DateTime endsAt, DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        if (endsAt <= startsAt) errors["endsAt"] = ["The shift must end after it starts."];
        else if (endsAt - startsAt > TimeSpan.FromDays(MaxShiftDays)) errors["endsAt"] = ["A shift can be 31 days long at most."];
        else if (endsAt <= now) errors["endsAt"] = ["That shift has already ended."];
        return errors;
    }

    /// <summary>Shifts that overlap another shift of the same team (allowed: two people on call at once; shown so it is deliberate).</summary>
    public static HashSet<Guid> Overlapping(IReadOnlyList<(Guid Id, DateTime StartsAt, DateTime EndsAt)> shifts) =>
        shifts.Where(a => shifts.Any(b => b.Id != a.Id && b.StartsAt < a.EndsAt && a.StartsAt < b.EndsAt)).Select(a => a.Id).ToHashSet();
}
