using System.Globalization;
using System.Text;

namespace Kith.Tests.Web;

/// <summary>Most routes refuse bodies over 4 MB; the area import takes the detailed boundaries counties have.</summary>
[Trait("Category", "Integration")]
public sealed class RequestSizeLimitTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task A_six_megabyte_area_file_is_imported_while_other_routes_refuse_that_size()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin@size-limits.test", Roles.Admin);
        var geoJson = DetailedAreas(features: 3, pointsPerRing: 80_000);
        Assert.True(geoJson.Length > 5 * 1024 * 1024, $"{geoJson.Length} bytes");

        var imported = await admin.SendAsync(Post("/api/areas/import", geoJson));
        var refused = await admin.SendAsync(Post("/api/organisations", geoJson));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    // As large uploads should: ask first, so a refusal arrives before the body is sent.
    private static HttpRequestMessage Post(string path, byte[] body) => new(HttpMethod.Post, path)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        Headers = { ExpectContinue = true },
    };

    /// <summary>Valid areas whose boundaries are fine-grained circles: realistic weight, valid geometry.</summary>
    private static byte[] DetailedAreas(int features, int pointsPerRing)
    {
        var sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (var f = 0; f < features; f++)
        {
            if (f > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"Feature\",\"properties\":{{\"code\":\"detailed-{f}\",\"name\":\"Detailed {f}\",\"population\":1000}},");
            sb.Append("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
            for (var i = 0; i <= pointsPerRing; i++)
            {
                var angle = 2 * Math.PI * (i % pointsPerRing) / pointsPerRing;
                if (i > 0) sb.Append(',');
                sb.Append(CultureInfo.InvariantCulture, $"[{-93 + f * 0.1 + 0.04 * Math.Cos(angle):0.000000},{44 + 0.03 * Math.Sin(angle):0.000000}]");
            }
            sb.Append("]]}}");
        }
        sb.Append("]}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
