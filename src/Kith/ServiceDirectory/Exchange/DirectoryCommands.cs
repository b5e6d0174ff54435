using Kith.Platform.Cli;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>The directory's operator commands: HSDS import and export.</summary>
internal static class DirectoryCommands
{
    /// <summary>Inputs smaller than this import without a progress display: tests and small files stay quiet.</summary>
    private const int ProgressFrom = 10_000;

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(new OperatorCommand(["directory", "import"], "directory import <path|url> [--replace [--allow-mass-delete]] [--owner NAME|ID] [--dry-run]",
            "import HSDS 3.0 (tabular data package dir/.zip/datapackage.json, or HSDS JSON) all or nothing; --replace also deletes what the input lacks "
            + "(refused for a missing or empty file, and, without --allow-mass-delete, past Kith:Directory:ReplaceMaxDeleteShare of a table or the last crisis line)",
            ImportAsync));
        services.AddSingleton(new OperatorCommand(["directory", "export"], "directory export <dir> [--include-confidential]",
            "write the directory as an HSDS tabular data package (confidential addresses left out unless asked for)", ExportAsync));
    }

    private static async Task<int> ImportAsync(WebApplication app, Command command)
    {
        if (command.Arguments is not [_, var source])
        {
            await Console.Error.WriteLineAsync("directory import needs one <path|url>: a data package directory, datapackage.json, .zip, or HSDS JSON file.");
            return 2;
        }
        var progress = new ProgressDisplay(Console.Error);
        var options = new DirectoryImportOptions(
            Replace: command.Options.Contains("replace"),
            Owner: command.Options["owner"].FirstOrDefault(),
            DryRun: command.Options.Contains("dry-run"),
            Progress: progress.Show,
            AllowMassDelete: command.Options.Contains("allow-mass-delete"));
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<DirectoryImport>().ImportAsync(source, options, actorId: null, CancellationToken.None);
        progress.End();
        foreach (var warning in result.Warnings.Listed) await Console.Error.WriteLineAsync($"warning: {warning}");
        if (result.Warnings.NotListed > 0) await Console.Error.WriteLineAsync($"warning: … and {result.Warnings.NotListed} more warnings.");
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems.Listed) await Console.Error.WriteLineAsync(problem.ToString());
            if (result.Problems.NotListed > 0) await Console.Error.WriteLineAsync($"… and {result.Problems.NotListed} more problems.");
            await Console.Error.WriteLineAsync($"{result.Problems.Count} problem(s); nothing was imported.");
            return 1;
        }
        foreach (var t in result.Tables)
            Console.WriteLine($"  {t.Table}: {t.Inserted} inserted, {t.Updated} updated, {t.Unchanged} unchanged, {t.Deleted} deleted");
        Console.WriteLine($"{(options.DryRun ? "Dry run (nothing was changed)" : "Imported")}: {result.Inserted} inserted, {result.Updated} updated, {result.Deleted} deleted"
            + (result.Warnings.Count > 0 ? $"; {result.Warnings.Count} warning(s)." : "."));
        return 0;
    }

    private static async Task<int> ExportAsync(WebApplication app, Command command)
    {
        if (command.Arguments is not [_, var directory])
        {
            await Console.Error.WriteLineAsync("directory export needs one <dir> to write the data package into.");
            return 2;
        }
        var includeConfidential = command.Options.Contains("include-confidential");
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<DirectoryExport>().ExportAsync(directory, includeConfidential, actorId: null, CancellationToken.None);
        Console.WriteLine($"Wrote {result.Files.Count} tables ({result.Files.Sum(f => f.Rows)} rows) and datapackage.json to {Path.GetFullPath(directory)}"
            + (includeConfidential ? ", confidential addresses included." : "; confidential locations without address or coordinates."));
        return 0;
    }

    /// <summary>A progress bar on a terminal; on a pipe or log, a plain line now and then.</summary>
    private sealed class ProgressDisplay(TextWriter error)
    {
        private int lastLine = -1;
        private bool drawn;

        public void Show(ImportProgress p)
        {
            if (Math.Max(p.Done, p.Total) < ProgressFrom) return;
            if (!Console.IsErrorRedirected)
            {
                var bar = p.Total > 0 ? new string('#', 30 * p.Done / p.Total).PadRight(30, '.') : "";
                error.Write(p.Total > 0 ? $"\r  writing [{bar}] {p.Done:N0}/{p.Total:N0} rows" : $"\r  reading {p.Done:N0} rows");
                drawn = true;
                return;
            }
            var step = p.Total > 0 ? 10 * p.Done / p.Total : p.Done / 50_000;
            var line = (p.Total > 0 ? 1000 : 0) + step;
            if (line == lastLine) return;
            lastLine = line;
            error.WriteLine(p.Total > 0 ? $"  written {p.Done:N0} of {p.Total:N0} rows" : $"  read {p.Done:N0} rows");
        }

        public void End()
        {
            if (drawn) error.WriteLine();
            drawn = false;
        }
    }
}
