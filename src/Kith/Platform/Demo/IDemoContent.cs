namespace Kith.Platform.Demo;

/// <summary>
/// A module's part of the Riverbend demo (docs/demo.md). The community module seeds areas,
/// organisations and staff first, then runs every part in order. Each part adds only what is missing, so
/// `kith seed-demo` can be run again safely. Never run in production.
/// </summary>
internal interface IDemoContent
{
    int Order { get; }
    Task SeedAsync(CancellationToken ct);
}
