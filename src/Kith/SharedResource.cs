namespace Kith;

/// <summary>Anchor type for the shared translations in Resources/SharedResource.*.resx.</summary>
public sealed class SharedResource;
