using System.Globalization;
using System.Text.Json;
using Kith.ServiceDirectory.Search;

namespace Kith.Tests.ServiceDirectory.FindHelp;

/// <summary>
/// The attack from the security finding, through <c>/api/directory/search?q=&lt;name&gt;&amp;lat=&amp;lon=</c> only:
/// walk to a spot the place is reported 0 km from, then bisect the 0 → 0.5 km step (true distance 250 m) in
/// eight directions and fit a circle through the eight edge points. Its centre is wherever the engine measures
/// the place from. About 200 requests.
/// </summary>
internal sealed class BisectionAttack(HttpClient client, string name, string serviceId)
{
    private const double KmPerDegree = GeoDistance.KmPerDegreeLatitude;
    private double originLatitude, originLongitude, cosOrigin;

    public int Requests { get; private set; }

    public async Task<(double Latitude, double Longitude)> LocateAsync(double guessLatitude, double guessLongitude)
    {
        (originLatitude, originLongitude, cosOrigin) = (guessLatitude, guessLongitude, Math.Cos(guessLatitude * Math.PI / 180));
        var (x, y) = (0.0, 0.0);
        var d = await DistanceAsync(x, y);
        // Far away: step the reported distance in the best of sixteen directions; each step closes most of the gap.
        while (d >= 1 && Requests < 60)
        {
            var best = (d: double.MaxValue, x, y);
            for (var k = 0; k < 16; k++)
            {
                var (nx, ny) = (x + d * Math.Cos(k * Math.PI / 8), y + d * Math.Sin(k * Math.PI / 8));
                var v = await DistanceAsync(nx, ny);
                if (v < best.d) best = (v, nx, ny);
            }
            (d, x, y) = best;
        }
        // Within 0.75 km: a 300 m grid has a point within 212 m of anything, which the engine reports as 0.
        if (d > 0)
        {
            var zero = await FirstZeroAsync(x, y) ?? throw new InvalidOperationException("the attack found no spot reported at 0 km");
            (x, y) = zero;
        }
        var edge = new List<(double X, double Y)>();
        for (var k = 0; k < 8; k++)
        {
            var (cos, sin) = (Math.Cos(k * Math.PI / 4), Math.Sin(k * Math.PI / 4));
            double inside = 0, outside = 1;
            for (var i = 0; i < 18; i++)
            {
                var mid = (inside + outside) / 2;
                if (await DistanceAsync(x + mid * cos, y + mid * sin) == 0) inside = mid; else outside = mid;
            }
            var r = (inside + outside) / 2;
            edge.Add((x + r * cos, y + r * sin));
        }
        var (cx, cy) = CircleCentre(edge);
        return (originLatitude + cy / KmPerDegree, originLongitude + cx / (KmPerDegree * cosOrigin));
    }

    private async Task<(double X, double Y)?> FirstZeroAsync(double x, double y)
    {
        for (var i = -3; i <= 3; i++)
            for (var j = -3; j <= 3; j++)
            {
                if ((i * i + j * j) * 0.09 > 0.9) continue;
                if (await DistanceAsync(x + i * 0.3, y + j * 0.3) == 0) return (x + i * 0.3, y + j * 0.3);
            }
        return null;
    }

    /// <summary>The distance the search reports for the place from a point (km east, km north of the guess).</summary>
    private async Task<double> DistanceAsync(double x, double y)
    {
        Requests++;
        var (lat, lon) = (originLatitude + y / KmPerDegree, originLongitude + x / (KmPerDegree * cosOrigin));
        var path = string.Create(CultureInfo.InvariantCulture, $"/api/directory/search?q={Uri.EscapeDataString(name)}&lat={lat:R}&lon={lon:R}&per_page=100");
        using var json = JsonDocument.Parse(await client.GetStringAsync(path));
        var hit = json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == serviceId);
        return hit.GetProperty("distanceKm").GetDouble();
    }

    /// <summary>Least-squares circle (Kåsa) through points, solved on coordinates centred at their mean.</summary>
    private static (double X, double Y) CircleCentre(List<(double X, double Y)> points)
    {
        var (mx, my) = (points.Average(p => p.X), points.Average(p => p.Y));
        double suu = 0, svv = 0, suv = 0, r1 = 0, r2 = 0;
        foreach (var (px, py) in points)
        {
            var (u, v) = (px - mx, py - my);
            suu += u * u; svv += v * v; suv += u * v;
            r1 += (u * u * u + u * v * v) / 2;
            r2 += (v * v * v + v * u * u) / 2;
        }
        var det = suu * svv - suv * suv;
        return (mx + (r1 * svv - r2 * suv) / det, my + (r2 * suu - r1 * suv) / det);
    }
}
