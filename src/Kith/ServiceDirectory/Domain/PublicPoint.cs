using System.Security.Cryptography;

namespace Kith.ServiceDirectory.Domain;

/// <summary>Settings <c>Kith:Directory:ConfidentialOffsetMinKm</c> and <c>…MaxKm</c>: how far a confidential place's public point lies from the truth.</summary>
internal sealed class PublicPointOptions
{
    public double ConfidentialOffsetMinKm { get; set; } = 1;
    public double ConfidentialOffsetMaxKm { get; set; } = 3;

    public bool IsValid => ConfidentialOffsetMinKm > 0 && ConfidentialOffsetMaxKm > ConfidentialOffsetMinKm && ConfidentialOffsetMaxKm <= 50;
}

/// <summary>
/// The one point the public is told a confidential place (a refuge) is at (ADR 12). Every distance, radius,
/// order and pin is measured from it, so an attacker who measures perfectly finds this point and nothing
/// nearer the truth. It lies between the minimum and maximum offset from the true position and inside the
/// same area; it is drawn at random (a cryptographic source) once and stored, and kept for as long as it
/// still fits: drawing anew per answer or per rebuild would let averaging find the truth, and keeping it
/// through small moves means a move changes nothing public.
/// </summary>
internal sealed class PublicPoint(PublicPointOptions options, Func<double, double, Guid?> areaOf, Func<double>? random = null)
{
    private const int Directions = 16, Rings = 5, Draws = 256;
    private readonly double min = options.ConfidentialOffsetMinKm;
    private readonly double max = options.ConfidentialOffsetMaxKm;
    private readonly Func<double> uniform = random ?? (() => RandomNumberGenerator.GetInt32(int.MaxValue) / (double)int.MaxValue);

    /// <summary>Gives a confidential location with coordinates a public point, or a new one when its stored point
    /// no longer fits its true position. True when the stored point changed.</summary>
    public bool Settle(Location location)
    {
        if (!location.Confidential || location.Latitude is not { } lat || location.Longitude is not { } lon || !Placeable(lat, lon)) return false;
        if (location is { PublicLatitude: { } pLat, PublicLongitude: { } pLon } && Fits(lat, lon, pLat, pLon)) return false;
        (location.PublicLatitude, location.PublicLongitude) = Choose(lat, lon);
        return true;
    }

    /// <summary>Coordinates the offset arithmetic holds for: finite, on the globe, away from the poles (an imported
    /// row may carry anything). A confidential place elsewhere gets no public point and stays off the map.</summary>
    public static bool Placeable(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && Math.Abs(latitude) <= 85 && Math.Abs(longitude) <= 180;

    /// <summary>True when the public point is between the offsets from the truth and in its area — or the area
    /// is too small to hold any such point (then the offset wins: the area's name is public anyway).</summary>
    public bool Fits(double latitude, double longitude, double publicLatitude, double publicLongitude)
    {
        var km = Distance(latitude, longitude, publicLatitude, publicLongitude);
        if (km < min || km > max) return false;
        if (areaOf(latitude, longitude) is not { } area) return true;
        return areaOf(publicLatitude, publicLongitude) == area || Probes(latitude, longitude, area).Count == 0;
    }

    /// <summary>A fresh point: uniform over the ring between the offsets (a hair inside it, so an attacker's
    /// estimate a few metres off still lands beyond the minimum), kept only if it is in the truth's area.</summary>
    public (double Latitude, double Longitude) Choose(double latitude, double longitude)
    {
        if (!Placeable(latitude, longitude)) throw new ArgumentOutOfRangeException(nameof(latitude), "Not a placeable position.");
        var area = areaOf(latitude, longitude);
        for (var i = 0; i < Draws; i++)
        {
            var candidate = Draw(latitude, longitude);
            if (area is null || areaOf(candidate.Latitude, candidate.Longitude) == area) return candidate;
        }
        // A thin or oddly shaped area the draws kept missing: draw within the cells of the probes that lie in it
        // (a random spot in a cell, never the probe itself, which would narrow the truth to a few candidates).
        if (area is { } a && Probes(latitude, longitude, a) is { Count: > 0 } inside)
            for (var i = 0; i < Draws; i++)
            {
                var (ring, direction) = inside[(int)(uniform() * inside.Count) % inside.Count];
                var km = min + (max - min) * (ring + uniform()) / Rings;
                var candidate = Offset(latitude, longitude, km, 2 * Math.PI * (direction + uniform() - 0.5) / Directions);
                var d = Distance(latitude, longitude, candidate.Latitude, candidate.Longitude);
                if (d >= min && d <= max && areaOf(candidate.Latitude, candidate.Longitude) == a) return candidate;
            }
        // No area, or one too small to hold a point the minimum away: the point lies outside it.
        return Draw(latitude, longitude);
    }

    private (double Latitude, double Longitude) Draw(double latitude, double longitude)
    {
        var (low, high) = (min * 1.01, max * 0.99);
        for (var i = 0; i < 10_000; i++)
        {
            // r = √U over the annulus gives every square metre of the ring the same chance.
            var km = Math.Sqrt(uniform() * (high * high - low * low) + low * low);
            var p = Offset(latitude, longitude, km, 2 * Math.PI * uniform());
            var d = Distance(latitude, longitude, p.Latitude, p.Longitude);
            if (d >= min && d <= max) return p;
        }
        throw new InvalidOperationException("No public point fits these coordinates."); // unreachable for placeable ones
    }

    /// <summary>A fixed ring of points between the offsets that lie in the area: whether the area can hold a
    /// public point at all is then a property of the geometry, not of a random draw.</summary>
    private List<(int Ring, int Direction)> Probes(double latitude, double longitude, Guid area)
    {
        var inside = new List<(int, int)>();
        for (var r = 0; r < Rings; r++)
            for (var d = 0; d < Directions; d++)
            {
                var p = Offset(latitude, longitude, min + (max - min) * (r + 0.5) / Rings, 2 * Math.PI * d / Directions);
                if (areaOf(p.Latitude, p.Longitude) == area) inside.Add((r, d));
            }
        return inside;
    }

    private static (double Latitude, double Longitude) Offset(double latitude, double longitude, double km, double bearing) =>
        (latitude + km * Math.Cos(bearing) / Search.GeoDistance.KmPerDegreeLatitude,
         longitude + km * Math.Sin(bearing) / (Search.GeoDistance.KmPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180)));

    private static double Distance(double lat1, double lon1, double lat2, double lon2) => Search.GeoDistance.Haversine(lat1, lon1, lat2, lon2);
}
