using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kith.Platform.Web.QrCodes;

namespace Kith.Tests.Platform.QrCodes;

/// <summary>Reads a QR code with tests/qr-decode/decode.mjs (jsQR), a reader written independently of our encoder.</summary>
internal static partial class QrDecoder
{
    private static string Tool => Path.Combine(KithProcess.RepositoryRoot, "tests", "qr-decode");

    public sealed record Result(int ExitCode, string Text, int? Version, string Errors);

    public static async Task<Result> DecodeAsync(QrCode code)
    {
        Assert.True(Directory.Exists(Path.Combine(Tool, "node_modules", "jsqr")),
            "tests/qr-decode has no node_modules: run `npm ci` there (test.sh does it)");
        var dark = new int[code.Size * code.Size];
        for (var y = 0; y < code.Size; y++)
        {
            for (var x = 0; x < code.Size; x++) dark[y * code.Size + x] = code[x, y] ? 1 : 0;
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Tool,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        info.ArgumentList.Add("decode.mjs");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(new { size = code.Size, dark }));
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var errors = await stderr;
        var version = VersionLine().Match(errors);
        return new(process.ExitCode, await stdout, version.Success ? int.Parse(version.Groups[1].Value) : null, errors);
    }

    [GeneratedRegex(@"^version (\d+)$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();
}
