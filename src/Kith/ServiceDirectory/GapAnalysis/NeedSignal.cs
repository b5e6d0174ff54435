namespace Kith.ServiceDirectory.GapAnalysis;

/// <summary>
/// A measure of need beyond population that another module will supply through its Contracts: concern volume per
/// area, the share of screening results above a threshold… None is registered yet; the gap analysis shows and exports
/// one column per registered signal, so adding one needs no change here. Values must already be privacy-safe
/// aggregates (small counts suppressed by the module that owns them); null means "not known for this area".
/// </summary>
internal interface INeedSignal
{
    /// <summary>English column title (also the translation key), e.g. "Concerns per 1,000 residents".</summary>
    string Name { get; }

    /// <summary>The value for an area and a need term (null term = all needs).</summary>
    double? ValueFor(string areaId, string? needTermId);
}
