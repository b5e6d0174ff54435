using Kith.Platform.Web.QrCodes;

namespace Kith.Tests.Platform.QrCodes;

/// <summary>Encodes with our encoder, decodes with jsQR: a code is only right if an independent reader reads it.</summary>
public sealed class QrCodeDecodingTests
{
    public static TheoryData<string, string> Texts => new()
    {
        { "short URL", "https://kith.example.org" },
        { "campaign URL", "https://kith.example.org/s/8KQ2-7XMD-PV4N" },
        { "300 characters", string.Concat(Enumerable.Range(0, 30).Select(i => $"line {i:D3}, ")) },
        { "non-ASCII UTF-8", "Línea de Apoyo — Khadka Taageerada" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Reads_back_at_the_default_level(string name, string text)
    {
        var code = QrCode.Encode(text);

        var decoded = await QrDecoder.DecodeAsync(code);

        Assert.True(decoded.ExitCode == 0, $"{name}: {decoded.Errors}");
        Assert.Equal(text, decoded.Text);
        Assert.Equal(QrErrorCorrection.M, code.ErrorCorrection);
        Assert.Equal(code.Version, decoded.Version);
    }

    [Theory]
    [InlineData("L", "https://kith.example.org/s/L")]
    [InlineData("M", "https://kith.example.org/s/M-level")]
    [InlineData("Q", "https://kith.example.org/s/Q-level-campaign")]
    [InlineData("H", "https://kith.example.org/s/H-level-campaign-poster")]
    public async Task Reads_back_at_every_error_correction_level(string level, string text)
    {
        var code = QrCode.Encode(text, Enum.Parse<QrErrorCorrection>(level));

        var decoded = await QrDecoder.DecodeAsync(code);

        Assert.True(decoded.ExitCode == 0, decoded.Errors);
        Assert.Equal(text, decoded.Text);
        Assert.Equal(level, code.ErrorCorrection.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public async Task Reads_back_under_every_mask_pattern(int mask)
    {
        const string text = "https://kith.example.org/s/8KQ2-7XMD-PV4N";
        var code = QrCode.Encode(text, QrErrorCorrection.M, mask);

        var decoded = await QrDecoder.DecodeAsync(code);

        Assert.Equal(mask, code.Mask);
        Assert.True(decoded.ExitCode == 0, decoded.Errors);
        Assert.Equal(text, decoded.Text);
    }

    [Theory]
    [InlineData(14, 1)] // version 1-M holds 14 bytes
    [InlineData(26, 2)] // version 2-M holds 26: the first with an alignment pattern
    [InlineData(122, 7)] // version 7-M holds 122: the first with version information
    [InlineData(200, 10)] // past 180 bytes (9-M): the byte count takes 16 bits
    [InlineData(600, 19)] // many blocks of two lengths
    [InlineData(2331, 40)] // the largest symbol, full at level M
    public async Task Reads_back_in_the_version_the_length_forces(int length, int version)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i * 7 % 26)));
        var code = QrCode.Encode(text);

        var decoded = await QrDecoder.DecodeAsync(code);

        Assert.Equal(version, code.Version);
        Assert.True(decoded.ExitCode == 0, decoded.Errors);
        Assert.Equal(text, decoded.Text);
        Assert.Equal(version, decoded.Version);
    }
}
