using Xunit.Abstractions;

namespace Kith.Tests.Infrastructure;

/// <summary>The collection orderer starts classes marked <see cref="RunsLongAttribute"/> first and keeps the rest in order.</summary>
public sealed class LongestFirstTests
{
    [Fact]
    public void Classes_marked_long_start_first_and_the_others_keep_their_order()
    {
        var given = new[]
        {
            Collection(typeof(LongestFirstTests)), Collection(typeof(Cli.CommandLineTests)), Collection(null),
            Collection(typeof(ServiceDirectory.HsdsApi.HsdsConformanceTests)), Collection(typeof(KithApp)),
        };

        var ordered = new LongestFirst().OrderTestCollections(given).Select(c => c.DisplayName).ToList();

        Assert.Equal(
            [given[1].DisplayName, given[3].DisplayName, given[0].DisplayName, given[2].DisplayName, given[4].DisplayName],
            ordered);
    }

    [Fact]
    public void The_suites_longest_classes_are_marked()
    {
        // The two longest classes of every stage in docs/testing.md; if they lose the mark, the stage ends on them.
        Assert.True(Attribute.IsDefined(typeof(Cli.CommandLineTests), typeof(RunsLongAttribute)));
        Assert.True(Attribute.IsDefined(typeof(MultiNode.TwoNodesTests), typeof(RunsLongAttribute)));
    }

    private static readonly ITestAssembly Assembly = new Xunit.Sdk.TestAssembly(Xunit.Sdk.Reflector.Wrap(typeof(LongestFirstTests).Assembly));

    // xunit's own collection type, named as xunit names a class's collection (or a shared one).
    private static ITestCollection Collection(Type? type) =>
        new Xunit.Sdk.TestCollection(Assembly, null, type is null ? "Shared collection" : "Test collection for " + type.FullName);
}
