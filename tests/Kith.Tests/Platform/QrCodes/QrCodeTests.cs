using System.Xml.Linq;
using Kith.Platform.Web.QrCodes;

namespace Kith.Tests.Platform.QrCodes;

/// <summary>The code QRCoder makes, as Kith uses it: smallest version, UTF-8 bytes, the limit, and Kith's SVG of it.</summary>
public sealed class QrCodeTests
{
    [Theory]
    [InlineData(14, 1)]
    [InlineData(15, 2)]
    [InlineData(26, 2)]
    [InlineData(27, 3)]
    [InlineData(122, 7)]
    [InlineData(123, 8)]
    public void Chooses_the_smallest_version_that_holds_the_text(int length, int version)
    {
        var code = QrCode.Encode(new string('k', length));

        Assert.Equal(version, code.Version);
        Assert.Equal(version * 4 + 17, code.Size);
    }

    [Fact]
    public void Counts_bytes_not_characters()
    {
        // 14 characters, one of them the two-byte "í", are 15 bytes: one more than version 1-M holds.
        Assert.Equal(2, QrCode.Encode("Líneadeapoyo12").Version);
        Assert.Equal(1, QrCode.Encode("Lineadeapoyo12").Version);
    }

    [Fact]
    public void Text_too_long_for_version_40_is_refused()
    {
        Assert.Throws<ArgumentException>(() => QrCode.Encode(new string('k', 2332)));
        Assert.Throws<ArgumentException>(() => QrCode.Encode(new string('k', 1274), QrErrorCorrection.H));
    }

    [Fact]
    public void Svg_is_well_formed_with_the_title_and_one_path()
    {
        var code = QrCode.Encode("https://kith.example.org/s/8KQ2-7XMD-PV4N");

        var svg = XDocument.Parse(QrSvg.Render(code, "Spring <drive> & \"walk\""));

        XNamespace ns = "http://www.w3.org/2000/svg";
        var root = svg.Root!;
        Assert.Equal(ns + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("crispEdges", (string?)root.Attribute("shape-rendering"));
        var side = code.Size + 8;
        Assert.Equal($"0 0 {side} {side}", (string?)root.Attribute("viewBox"));
        Assert.Equal("Spring <drive> & \"walk\"", root.Element(ns + "title")?.Value);
        Assert.Single(root.Elements(ns + "path"));
    }

    [Fact]
    public void Svg_path_covers_exactly_the_dark_modules()
    {
        var code = QrCode.Encode("Kith");
        var path = (string)XDocument.Parse(QrSvg.Render(code, "Kith")).Root!.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!;

        var painted = new HashSet<(int, int)>();
        foreach (var run in path.Split('M', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = run.Split(' ', 'h', 'v');
            int x = int.Parse(parts[0]) - 4, y = int.Parse(parts[1]) - 4, length = int.Parse(parts[2]);
            for (var i = 0; i < length; i++) Assert.True(painted.Add((x + i, y)));
        }
        for (var y = 0; y < code.Size; y++)
        {
            for (var x = 0; x < code.Size; x++) Assert.Equal(code[x, y], painted.Contains((x, y)));
        }
    }

    [Fact]
    public void Finder_patterns_are_in_three_corners()
    {
        var code = QrCode.Encode("Kith");

        foreach (var (left, top) in new[] { (0, 0), (code.Size - 7, 0), (0, code.Size - 7) })
        {
            for (var dy = 0; dy < 7; dy++)
            {
                for (var dx = 0; dx < 7; dx++)
                {
                    var ring = Math.Max(Math.Abs(dx - 3), Math.Abs(dy - 3));
                    Assert.Equal(ring != 2, code[left + dx, top + dy]);
                }
            }
        }
    }
}
