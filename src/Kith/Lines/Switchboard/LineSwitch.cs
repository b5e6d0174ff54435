namespace Kith.Lines.Switchboard;

/// <summary>
/// A supervisor's redirect of one line's queue to another for a while ("the farm line to the county line for 2 hours"):
/// the waiting conversations moved when it started, and texts opening a conversation on it meanwhile go straight to
/// the target. It ends at <see cref="EndsAt"/> or by hand (<see cref="EndedAt"/>).
/// </summary>
internal sealed class LineSwitch
{
    public Guid Id { get; set; }
    public Guid FromLineId { get; set; }
    public Guid ToLineId { get; set; }
    public required string Reason { get; set; }
    public required string StartedBy { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndedBy { get; set; }

    public bool ActiveAt(DateTime now) => EndedAt is null && StartsAt <= now && EndsAt > now;
}
