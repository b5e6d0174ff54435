using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;

namespace Kith.Tests.Architecture;

/// <summary>
/// Module boundaries, checked rather than hoped for (ADR 0001, 0022): a module (a top-level folder of src/Kith
/// with a *Module.cs) may use the Platform and other modules' <c>Contracts</c> only; the Platform may use
/// modules' Contracts only; a module touches only its own tables; every module registers the same way.
/// Program.cs composes everything; KithDb.cs holds Identity's tables for Community.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    private static readonly string Source = Path.Combine(KithProcess.RepositoryRoot, "src", "Kith");

    // Composition roots may name any module.
    private static readonly string[] Composers = ["Program.cs", Path.Combine("Platform", "Data", "KithDb.cs")];

    [Fact]
    public void Modules_and_the_platform_use_other_modules_only_through_their_contracts()
    {
        var modules = Modules();
        var violations = new List<string>();
        foreach (var (file, relative, owner) in OwnedFiles())
        {
            foreach (var (module, rest) in References(File.ReadAllText(file)))
            {
                if (module == owner || module == "Platform" || !modules.Contains(module)) continue;
                if (rest.StartsWith(".Contracts", StringComparison.Ordinal)) continue;
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

    // Identity's tables come with IdentityDbContext (declared in KithDb.cs): Community owns them.
    private static readonly string[] IdentityTables = ["Users", "Roles", "UserRoles", "UserClaims", "UserLogins", "UserTokens", "RoleClaims"];

    [Fact]
    public void A_module_uses_only_its_own_tables_and_Identity_only_through_a_Community_contract()
    {
        var owners = TableOwners();
        var violations = new List<string>();
        foreach (var (file, relative, owner) in OwnedFiles())
        {
            foreach (var table in TableUses(File.ReadAllText(file), owners.Keys))
            {
                // Platform is not a module: its tables (outbox, audit log, jobs) are the shared services every
                // module is allowed to use, e.g. an outbox message written in the module's own transaction (ADR 9).
                if (owners[table] == owner || owners[table] == "Platform") continue;
                violations.Add($"{relative} uses {owners[table]}'s table db.{table}");
            }
        }
        Assert.True(violations.Count == 0, "Read another module's tables through its Contracts (Identity: IStaffFacts):\n" + string.Join("\n", violations.Distinct()));
    }

    [Fact]
    public void The_table_scan_sees_owners_and_uses()
    {
        var owners = TableOwners();
        Assert.Equal("Community", owners["Users"]);
        Assert.Equal("Community", owners["StaffOrganisations"]);
        Assert.Equal("Concerns", owners["Concerns"]);
        Assert.Equal("ServiceDirectory", owners["Services"]);
        Assert.Equal("Platform", owners["Outbox"]);
        Assert.Equal(["Users", "Roles"], TableUses("internal sealed class X(KithDb kith) { void F() { kith.Users.Where(u => db.Roles.Any()); app.Services.Get(); } }", owners.Keys));
        Assert.Equal(["Areas"], TableUses("@inject KithDb Db\n@code { var a = Db.Areas; }", owners.Keys));
    }

    [Fact]
    public void Every_module_registers_the_same_way()
    {
        var program = File.ReadAllText(Path.Combine(Source, "Program.cs"));
        var assembly = typeof(KithDb).Assembly;
        var problems = new List<string>();
        foreach (var module in Modules())
        {
            var files = Directory.GetFiles(Path.Combine(Source, module), "*Module.cs");
            if (files.Length != 1) { problems.Add($"{module}: {files.Length} *Module.cs files, expected one"); continue; }
            var name = Path.GetFileNameWithoutExtension(files[0]);
            var shortName = name[..^"Module".Length];
            var type = assembly.GetType($"Kith.{module}.{name}");
            if (type is null || !type.IsAbstract || !type.IsSealed || type.IsPublic) { problems.Add($"{module}: expected an internal static class Kith.{module}.{name}"); continue; }
            Expect(type, $"Add{shortName}", typeof(WebApplicationBuilder), problems);
            Expect(type, $"Map{shortName}", typeof(WebApplication), problems);
            if (!program.Contains($"builder.Add{shortName}();", StringComparison.Ordinal)) problems.Add($"Program.cs does not call builder.Add{shortName}()");
            if (!program.Contains($"app.Map{shortName}();", StringComparison.Ordinal)) problems.Add($"Program.cs does not call app.Map{shortName}()");
        }
        Assert.True(problems.Count == 0, "Each module: one XModule with Add<X>(WebApplicationBuilder) and Map<X>(WebApplication), called from Program.cs:\n" + string.Join("\n", problems));
    }

    private static void Expect(Type module, string method, Type on, List<string> problems)
    {
        var m = module.GetMethod(method, BindingFlags.Public | BindingFlags.Static, [on]);
        if (m is null || m.ReturnType != on || !m.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute)))
            problems.Add($"{module.Name}: expected public static {on.Name} {method}(this {on.Name})");
    }

    [Fact]
    public void The_organisation_scope_is_read_from_the_claim_in_one_place()
    {
        string[] allowed = [Path.Combine("Community", "Contracts", "OrganisationScope.cs"), Path.Combine("Community", "StaffClaimsFactory.cs")];
        var readers = SourceFiles()
            .Where(f => Comment().Replace(File.ReadAllText(f), "").Contains("StaffClaims.Organisation", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Source, f))
            .Where(f => !allowed.Contains(f)).ToList();
        Assert.True(readers.Count == 0, "Use user.Organisations() / user.BelongsTo(id) (Community/Contracts/OrganisationScope):\n" + string.Join("\n", readers));
    }

    /// <summary>Each DbSet of KithDb and the module that declares it (the top folder of its partial file).</summary>
    private static Dictionary<string, string> TableOwners()
    {
        var owners = IdentityTables.ToDictionary(t => t, _ => "Community");
        foreach (var file in SourceFiles().Where(f => File.ReadAllText(f).Contains("partial class KithDb", StringComparison.Ordinal)))
        {
            var module = Path.GetRelativePath(Source, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match m in DbSetDeclaration().Matches(File.ReadAllText(file))) owners[m.Groups[1].Value] = module;
        }
        return owners;
    }

    /// <summary>The DbSets a file reaches through a KithDb it declares or injects (db, Db, or any other name it gives it).</summary>
    private static List<string> TableUses(string text, IEnumerable<string> tables)
    {
        var code = Comment().Replace(text, "");
        var names = KithDbVariable().Matches(code).Select(m => m.Groups[1].Value).Append("db").Append("Db").Distinct();
        var known = tables.ToHashSet();
        return names.SelectMany(n => Regex.Matches(code, $@"(?<![\w.]){n}\.(\w+)").Select(m => m.Groups[1].Value))
            .Where(known.Contains).Distinct().ToList();
    }

    [GeneratedRegex(@"DbSet<[\w.]+>\s+(\w+)\s*=>")]
    private static partial Regex DbSetDeclaration();

    [GeneratedRegex(@"\bKithDb\s+(\w+)")]
    private static partial Regex KithDbVariable();

    /// <summary>Every source file but the composition roots, with its path under src/Kith and its top folder (its module).</summary>
    private static IEnumerable<(string File, string Relative, string Owner)> OwnedFiles() =>
        from file in SourceFiles()
        let relative = Path.GetRelativePath(Source, file)
        where !Composers.Contains(relative)
        select (file, relative, relative.Contains(Path.DirectorySeparatorChar) ? relative.Split(Path.DirectorySeparatorChar)[0] : "");

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
