namespace Kith.Community.Domain;

/// <summary>
/// A neighbourhood: the unit every indicator, gap and routing rule is counted in. The boundary is a
/// GeoJSON Polygon or MultiPolygon geometry (WGS 84 longitude/latitude).
/// </summary>
internal sealed class Area
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Population { get; set; }
    public required string BoundaryGeoJson { get; set; }
    public double CentroidLatitude { get; set; }
    public double CentroidLongitude { get; set; }
    public DateTime UpdatedAt { get; set; }
}
