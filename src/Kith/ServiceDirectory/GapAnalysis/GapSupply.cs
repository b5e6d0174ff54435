using Kith.ServiceDirectory.Contracts;

namespace Kith.ServiceDirectory.GapAnalysis;

/// <summary>The gap analysis of one need, through the directory's contract: the same figures and map as the gaps page.</summary>
internal sealed class GapSupply(GapReport report) : IDirectorySupply
{
    public async Task<NeedSupply?> PerAreaAsync(string? needCode, string noService, string noResidents, CancellationToken ct)
    {
        if (NeedCategory.Find(needCode) is not { } category) return null;
        var supply = (await report.ForAsync([category], ct)).Categories[0];
        var (shading, legend) = MapShading.For(supply.Areas, GapMeasure.Services, noService, noResidents);
        var paint = shading.ToDictionary(s => s.Code, s => (s.Css, s.Value));
        return new NeedSupply(category.Code, category.Name,
            [.. supply.Areas.Select(a => new AreaServices(a.Area.Code, a.InArea, a.Reaching, a.ServicesPer10k,
                a.Gap is GapFlag.NoService or GapFlag.BelowHalfCountyRate, paint[a.Area.Code].Css, paint[a.Area.Code].Value))],
            supply.CountyServicesPer10k, legend);
    }
}
