namespace Kith.BrowserTests;

/// <summary>
/// Starts the browser stage's collections longest first (longest-processing-time scheduling on xunit's two threads),
/// so the stage does not end with one collection running alone on one thread while the other idles — measured on
/// 2026-12-06: the second app's collection started 343 s into a 461 s stage and ran its last 72 s alone. Test time
/// per collection in that run: the app process 352 s (before Find help moved to the second app), the in-process app
/// 189 s, the second app 118 s, the two line nodes 60 s plus the longest fixture start. Collections not listed keep
/// xunit's order after these.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Order =
        [KithApp.Collection, InProcessKith.Collection, KithApp.SecondCollection, "Test collection for " + typeof(LinesOnTwoNodesTests).FullName];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Array.IndexOf(Order, c.DisplayName) is var i and >= 0 ? i : Order.Length);
}
