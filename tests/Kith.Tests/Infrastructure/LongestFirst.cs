using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Kith.Tests.Infrastructure.LongestFirst", "Kith.Tests")]

namespace Kith.Tests.Infrastructure;

/// <summary>
/// Marks a test class whose tests take tens of seconds together (real processes, whole-API walks). Such classes
/// start first, so a stage does not end with one of them running alone on one core while the other idles.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute : Attribute;

/// <summary>
/// Orders test collections (one per class) longest first — classic longest-processing-time scheduling on the two
/// threads xunit runs collections on — and the rest in xunit's own order. A class is long if it carries
/// <see cref="RunsLongAttribute"/>; which ones do is read off the stage times in docs/testing.md.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var collections = testCollections.ToList();
        return collections.Where(RunsLong).Concat(collections.Where(c => !RunsLong(c)));
    }

    // A class's own collection is named "Test collection for <full class name>".
    private static bool RunsLong(ITestCollection collection)
    {
        const string prefix = "Test collection for ";
        if (!collection.DisplayName.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var type = typeof(LongestFirst).Assembly.GetType(collection.DisplayName[prefix.Length..]);
        return type is not null && Attribute.IsDefined(type, typeof(RunsLongAttribute));
    }
}
