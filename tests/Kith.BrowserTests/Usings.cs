global using Microsoft.Playwright;
global using Xunit;
global using Xunit.Abstractions;

// Each class starts its own app and Chromium; on two cores they run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
