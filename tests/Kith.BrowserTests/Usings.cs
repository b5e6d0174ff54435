global using Microsoft.Playwright;
global using Xunit;
global using Xunit.Abstractions;

// The collections — the app as its own process (KithApp, two of them), the app in the test process (InProcessKith) and
// the two line nodes — run three at a time (a browser test mostly awaits the browser, so they overlap; with two threads
// the 2 cores stood idle a sixth of the stage: 254 s with two, 235 s with three, same hour, ADR 42); the classes inside
// a collection run one after another against its one app.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
[assembly: TestCollectionOrderer("Kith.BrowserTests.LongestFirst", "Kith.BrowserTests")]
