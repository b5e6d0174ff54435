global using Microsoft.Playwright;
global using Xunit;
global using Xunit.Abstractions;

// The collections — the app as its own process (KithApp, two of them) and the app in the test process (InProcessKith) —
// run side by side on two threads (a browser test mostly awaits the browser, so they overlap); the classes inside a
// collection run one after another against its one app.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
[assembly: TestCollectionOrderer("Kith.BrowserTests.LongestFirst", "Kith.BrowserTests")]
