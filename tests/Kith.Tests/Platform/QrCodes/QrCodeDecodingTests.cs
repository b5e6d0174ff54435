using Kith.Platform.Web.QrCodes;

namespace Kith.Tests.Platform.QrCodes;

/// <summary>Encodes with QRCoder, decodes with jsQR: a code is only right if an independent reader reads it back.</summary>
public sealed class QrCodeDecodingTests
{
    private static string OfLength(int length) => string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i * 7 % 26)));

    /// <summary>Each case: what is encoded, at which level, and the version its length forces (null: any).</summary>
    private static readonly (string Name, string Text, QrErrorCorrection Level, int? Version)[] Cases =
    [
        ("short URL", "https://kith.example.org", QrErrorCorrection.M, null),
        ("campaign URL", "https://kith.example.org/s/8KQ2-7XMD-PV4N", QrErrorCorrection.M, null),
        ("300 characters", string.Concat(Enumerable.Range(0, 30).Select(i => $"line {i:D3}, ")), QrErrorCorrection.M, null),
        ("non-ASCII UTF-8", "Línea de Apoyo — Khadka Taageerada", QrErrorCorrection.M, null),
        ("Latin-1 letters are sent as UTF-8", "Líneadeapoyo12", QrErrorCorrection.M, 2),
        ("level L", "https://kith.example.org/s/L", QrErrorCorrection.L, null),
        ("level Q", "https://kith.example.org/s/Q-level-campaign", QrErrorCorrection.Q, null),
        ("level H", "https://kith.example.org/s/H-level-campaign-poster", QrErrorCorrection.H, null),
        ("14 bytes: version 1-M", OfLength(14), QrErrorCorrection.M, 1),
        ("26 bytes: version 2-M, the first with an alignment pattern", OfLength(26), QrErrorCorrection.M, 2),
        ("122 bytes: version 7-M, the first with version information", OfLength(122), QrErrorCorrection.M, 7),
        ("200 bytes: a 16-bit byte count", OfLength(200), QrErrorCorrection.M, 10),
        ("600 bytes: blocks of two lengths", OfLength(600), QrErrorCorrection.M, 19),
        ("2331 bytes: the largest symbol, full at level M", OfLength(2331), QrErrorCorrection.M, 40),
    ];

    [Fact]
    public async Task Every_code_reads_back_as_its_text_at_its_level_in_the_version_its_length_forces()
    {
        var codes = Cases.Select(c => QrCode.Encode(c.Text, c.Level)).ToList();

        var decoded = await QrDecoder.DecodeAsync(codes);

        foreach (var ((name, text, level, version), code, read) in Cases.Zip(codes, decoded))
        {
            Assert.True(read.Error is null, $"{name}: {read.Error}");
            Assert.True(text == read.Text, $"{name}: read '{read.Text}'");
            Assert.Equal(level, code.ErrorCorrection);
            Assert.True(code.Version == read.Version, $"{name}: encoded as version {code.Version}, read as {read.Version}");
            if (version is not null) Assert.True(version == code.Version, $"{name}: version {code.Version}, expected {version}");
            Assert.Equal(code.Version * 4 + 17, code.Size);
        }
    }
}
