using System.Text;
using System.Xml.Linq;
using Kith.Platform.Web.QrCodes;

namespace Kith.Tests.Platform.QrCodes;

/// <summary>The encoder's parts checked against the numbers the spec publishes.</summary>
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

    [Theory]
    [InlineData(1, "L", 17)]
    [InlineData(1, "M", 14)]
    [InlineData(1, "Q", 11)]
    [InlineData(1, "H", 7)]
    [InlineData(2, "M", 26)]
    [InlineData(7, "M", 122)]
    [InlineData(10, "M", 213)]
    [InlineData(40, "L", 2953)]
    [InlineData(40, "M", 2331)]
    [InlineData(40, "Q", 1663)]
    [InlineData(40, "H", 1273)]
    public void Byte_capacities_match_the_spec(int version, string level, int bytes) =>
        Assert.Equal(bytes, QrCapacity.ByteCapacity(version, Enum.Parse<QrErrorCorrection>(level)));

    [Fact]
    public void Text_too_long_for_version_40_is_refused()
    {
        Assert.Throws<ArgumentException>(() => QrCode.Encode(new string('k', 2332)));
        Assert.Throws<ArgumentException>(() => QrCode.Encode(new string('k', 1274), QrErrorCorrection.H));
    }

    [Fact]
    public void Every_version_leaves_exactly_the_counted_modules_for_codewords()
    {
        for (var version = 1; version <= 40; version++)
        {
            var symbol = new QrSymbol(version);
            var free = 0;
            for (var y = 0; y < symbol.Size; y++)
            {
                for (var x = 0; x < symbol.Size; x++) free += symbol.IsFunction(x, y) ? 0 : 1;
            }
            Assert.True(QrCapacity.DataModules(version) == free, $"version {version}");
        }
    }

    [Theory]
    [InlineData(1, new int[0])]
    [InlineData(2, new[] { 6, 18 })]
    [InlineData(7, new[] { 6, 22, 38 })]
    [InlineData(15, new[] { 6, 26, 48, 70 })]
    [InlineData(32, new[] { 6, 34, 60, 86, 112, 138 })]
    [InlineData(36, new[] { 6, 24, 50, 76, 102, 128, 154 })]
    [InlineData(40, new[] { 6, 30, 58, 86, 114, 142, 170 })]
    public void Alignment_patterns_sit_where_the_spec_puts_them(int version, int[] centres) =>
        Assert.Equal(centres, QrSymbol.AlignmentCentres(version));

    [Fact]
    public void Error_correction_matches_the_spec_example()
    {
        // ISO/IEC 18004 annex I: "01234567" at 1-M, its 16 data codewords and their 10 error-correction codewords.
        byte[] data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];

        Assert.Equal([196, 35, 39, 119, 235, 215, 231, 226, 93, 23], ReedSolomon.Remainder(data, ReedSolomon.Generator(10)));
    }

    [Theory]
    [InlineData("L", "111011111000100")]
    [InlineData("M", "101010000010010")]
    [InlineData("Q", "011010101011111")]
    [InlineData("H", "001011010001001")]
    public void Format_information_for_mask_0_matches_the_spec(string level, string expected)
    {
        var symbol = new QrSymbol(1);
        symbol.DrawFormat(Enum.Parse<QrErrorCorrection>(level), 0);

        // Bit 14 first: down column 8 below the top-left finder is bits 0–7, so read the row copy, left to right.
        var row = new StringBuilder();
        foreach (var x in new[] { 0, 1, 2, 3, 4, 5, 7 }) row.Append(symbol.IsDark(x, 8) ? '1' : '0');
        foreach (var y in new[] { 8, 7, 5, 4, 3, 2, 1, 0 }) row.Append(symbol.IsDark(8, y) ? '1' : '0');
        Assert.Equal(expected, row.ToString());
    }

    [Fact]
    public void Version_information_for_version_7_matches_the_spec()
    {
        var symbol = new QrSymbol(7);

        // 000111 110010010100, least significant bit at the top-left of the bottom-left block.
        var bits = 0;
        for (var i = 0; i < 18; i++) bits |= (symbol.IsDark(i / 3, symbol.Size - 11 + i % 3) ? 1 : 0) << i;
        Assert.Equal(0b000111_110010010100, bits);
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
