global using Microsoft.Playwright;
global using Xunit;
global using Xunit.Abstractions;

// Two collections — the app as its own process (KithApp) and the app in the test process (InProcessKith) — run
// side by side, one per core; the classes inside a collection run one after another against its one app.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
