using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>
/// A backup is a data file read back by a program, not a spreadsheet export: text that a spreadsheet would take for a
/// formula (a leading =, +, - or @) is written verbatim, so backup → restore gives back exactly what was there (ADR 23).
/// </summary>
[Trait("Category", "Integration")]
public sealed class BackupVerbatimTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Text_starting_with_a_formula_character_survives_backup_and_restore_unchanged()
    {
        var package = CopyOfExamples();
        SetCell(Path.Combine(package, "services.csv"), 2, "name", "-ish: a name that starts with a minus");
        SetCell(Path.Combine(package, "services.csv"), 2, "alternate_name", "=SUM(1,2)");
        SetCell(Path.Combine(package, "phones.csv"), 2, "number", "+44 1234 234567");
        SetCell(Path.Combine(package, "organizations.csv"), 2, "name", "@Riverbend");
        await DeleteDirectoryAsync(app);
        Assert.True((await ImportAsync(app, package)).Succeeded);
        var before = await DumpAsync(app);

        var backup = await ExportAsync(app, includeConfidential: true);
        Assert.Equal("-ish: a name that starts with a minus", Cell(backup, "services.csv", "name"));
        Assert.Equal("=SUM(1,2)", Cell(backup, "services.csv", "alternate_name"));
        Assert.Equal("+44 1234 234567", Cell(backup, "phones.csv", "number"));
        Assert.Equal("@Riverbend", Cell(backup, "organizations.csv", "name"));

        await DeleteDirectoryAsync(app);
        var restored = await ImportAsync(app, backup);
        Assert.True(restored.Succeeded, string.Join('\n', restored.Problems.Listed));
        var after = await DumpAsync(app);
        before.Remove("revision");
        after.Remove("revision");
        Assert.Equal(before, after);
    }

    private static string Cell(string package, string file, string column)
    {
        var rows = ReadCsv(Path.Combine(package, file));
        return rows[1][rows[0].IndexOf(column)];
    }
}
