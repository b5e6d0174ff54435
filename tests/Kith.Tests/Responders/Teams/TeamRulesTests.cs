using Kith.Responders.Teams;

namespace Kith.Tests.Responders.Teams;

/// <summary>The plain rules of teams and their rota: backups, names and shifts.</summary>
public sealed class TeamRulesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    [Fact]
    public void A_team_cannot_back_itself_up_and_longer_circles_are_found_from_any_member()
    {
        Assert.Contains("backupTeamId", TeamRules.CheckTeam(new TeamRequest("Team", null, null, A), A).Keys);
        Assert.Empty(TeamRules.CheckTeam(new TeamRequest("Team", null, null, B), A));

        var backups = new Dictionary<Guid, Guid?> { [A] = B, [B] = C, [C] = A, [D] = A };
        Assert.Equal([A, B, C, A], TeamRules.BackupCircle(A, backups));
        Assert.Equal([B, C, A, B], TeamRules.BackupCircle(B, backups));
        Assert.Empty(TeamRules.BackupCircle(D, backups)); // D leads into a circle but is not part of it
        Assert.Empty(TeamRules.BackupCircle(A, new Dictionary<Guid, Guid?> { [A] = B, [B] = null }));
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("   ", "name")]
    [InlineData("Tab\tteam", "name")]
    public void A_team_needs_a_printable_name(string name, string field) =>
        Assert.Contains(field, TeamRules.CheckTeam(new TeamRequest(name, null, null, null), null).Keys);

    [Fact]
    public void Shifts_end_after_they_start_last_at_most_31_days_and_have_not_ended()
    {
        var now = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Empty(TeamRules.CheckShift(now, now.AddDays(31), now));
        Assert.Contains("endsAt", TeamRules.CheckShift(now, now, now).Keys);
        Assert.Contains("endsAt", TeamRules.CheckShift(now, now.AddDays(31).AddMinutes(1), now).Keys);
        Assert.Contains("endsAt", TeamRules.CheckShift(now.AddDays(-2), now.AddDays(-1), now).Keys);
        Assert.Empty(TeamRules.CheckShift(now.AddDays(-2), now.AddHours(1), now)); // already running: fine
    }

    [Fact]
    public void Overlapping_shifts_are_marked_and_touching_ones_are_not()
    {
        var t = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        Guid one = Guid.NewGuid(), two = Guid.NewGuid(), three = Guid.NewGuid();
        var overlapping = TeamRules.Overlapping([(one, t, t.AddHours(8)), (two, t.AddHours(6), t.AddHours(14)), (three, t.AddHours(14), t.AddHours(20))]);
        Assert.Equal(new HashSet<Guid> { one, two }, overlapping);
    }
}
