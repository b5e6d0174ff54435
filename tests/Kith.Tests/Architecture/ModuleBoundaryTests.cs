using System.Text.RegularExpressions;

namespace Kith.Tests.Architecture;

/// <summary>
/// Module boundaries, checked rather than hoped for: a module (a top-level folder of src/Kith with a
/// *Module.cs) may use the Platform and other modules' <c>Contracts</c> only; the Platform may use
/// modules' Contracts only. Program.cs composes everything; KithDb.cs composes every module's tables.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    private static readonly string Source = Path.Combine(KithProcess.RepositoryRoot, "src", "Kith");

    // Composition roots may name any module.
    private static readonly string[] Composers = ["Program.cs", Path.Combine("Platform", "Data", "KithDb.cs")];
    /// <summary>Responders owns teams (ADR 18); the team admin pages and the demo's teams still write its entities from Concerns until they move.</summary>
    private static readonly string[] NotYetMovedToResponders =
        [Path.Combine("Concerns", "Teams", "TeamEditor.cs"), Path.Combine("Concerns", "Demo", "RiverbendConcernsDemo.cs")];

    [Fact]
    public void Modules_and_the_platform_use_other_modules_only_through_their_contracts()
    {
        var modules = Modules();
        var violations = new List<string>();
        foreach (var file in SourceFiles())
        {
            var relative = Path.GetRelativePath(Source, file);
            if (Composers.Contains(relative)) continue;
            var owner = relative.Contains(Path.DirectorySeparatorChar) ? relative.Split(Path.DirectorySeparatorChar)[0] : "";
            foreach (var (module, rest) in References(File.ReadAllText(file)))
            {
                if (module == owner || module == "Platform" || !modules.Contains(module)) continue;
                if (rest.StartsWith(".Contracts", StringComparison.Ordinal)) continue;
                if (module == "Responders" && rest == ".Domain" && NotYetMovedToResponders.Contains(relative)) continue;
                violations.Add($"{relative} uses Kith.{module}{rest}");
            }
        }
        Assert.True(violations.Count == 0, "Reach other modules through their Contracts:\n" + string.Join("\n", violations.Distinct()));
    }

    [Fact]
    public void The_scan_sees_modules_and_references()
    {
        Assert.Contains("Community", Modules());
        var kithDb = File.ReadAllText(Path.Combine(Source, "Platform", "Data", "KithDb.cs"));
        Assert.Contains(("Community", ".Domain"), References(kithDb));
        Assert.Contains(("Community", ".Areas"), References("using Kith.Community.Areas;\nvar x = new Kith.Community.Areas.AreaImport();"));
    }

    private static HashSet<string> Modules() =>
        Directory.EnumerateDirectories(Source)
            .Where(d => Directory.EnumerateFiles(d, "*Module.cs").Any())
            .Select(Path.GetFileName).OfType<string>().ToHashSet();

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    /// <summary>Every <c>Kith.&lt;Module&gt;…</c> name in a file (using directives and qualified names), comments stripped.</summary>
    private static IEnumerable<(string Module, string Tail)> References(string text)
    {
        var code = Comment().Replace(text, "");
        return QualifiedName().Matches(code).Select(m => (m.Groups[1].Value, m.Groups[2].Value));
    }

    [GeneratedRegex(@"(?<![\w.])Kith\.([A-Z]\w*)((?:\.[A-Z]\w*)*)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
