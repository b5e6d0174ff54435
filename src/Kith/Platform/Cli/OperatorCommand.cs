namespace Kith.Platform.Cli;

/// <summary>
/// A command a module offers operators (`kith users add …`). Modules register theirs in DI; the
/// command line lists and dispatches them without knowing the modules.
/// </summary>
/// <param name="Words">The words that select it, e.g. ["users", "add"]; further positional arguments follow.</param>
/// <param name="Usage">One line for the help text, options included.</param>
/// <param name="Summary">What it does, for the help text.</param>
internal sealed record OperatorCommand(string[] Words, string Usage, string Summary, Func<WebApplication, Command, Task<int>> Run)
{
    public bool Matches(Command command) =>
        command.Name == Words[0] && command.Arguments.Take(Words.Length - 1).SequenceEqual(Words.Skip(1));

    /// <summary>Positional arguments after the command's own words.</summary>
    public IReadOnlyList<string> Rest(Command command) => command.Arguments.Skip(Words.Length - 1).ToList();
}
