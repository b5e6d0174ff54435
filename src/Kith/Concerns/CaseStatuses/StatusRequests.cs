namespace Kith.Concerns.CaseStatuses;

/// <summary>
/// A status as sent to <c>POST/PUT /api/concerns/admin/statuses</c>. On a change, a null code keeps the code
/// (which can change only while no concern has ever been in the status) and a null kind keeps the kind.
/// </summary>
internal sealed record StatusRequest(string? Code, string? Name, string? Kind);

/// <summary>An allowed move; with days set, concerns left that long in <see cref="From"/> move on by themselves.</summary>
internal sealed record TransitionRequest(string? From, string? To, int? AutomaticAfterDays);

/// <summary>Changes only the automatic delay of an existing move (null: the move is made by people only).</summary>
internal sealed record AutomaticRequest(int? AutomaticAfterDays);

/// <summary>A status with how many concerns are in it now and whether its code is fixed (a concern has been in it).</summary>
public sealed record StatusView(string Code, string Name, string Kind, int Position, int Concerns, bool CodeFixed);

public sealed record TransitionView(string From, string FromName, string To, string ToName, int? AutomaticAfterDays);

/// <summary>The deployment's status table, with the statuses no concern could ever reach (a warning).</summary>
public sealed record StatusTableView(IReadOnlyList<StatusView> Statuses, IReadOnlyList<TransitionView> Transitions, IReadOnlyList<string> Unreachable);
