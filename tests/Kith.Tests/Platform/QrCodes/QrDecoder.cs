using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Kith.Platform.Web.QrCodes;

namespace Kith.Tests.Platform.QrCodes;

/// <summary>Reads QR codes with tests/qr-decode/decode.mjs (jsQR), a reader written independently of the encoder: all of them in one node process.</summary>
internal static class QrDecoder
{
    private static string Tool => Path.Combine(KithProcess.RepositoryRoot, "tests", "qr-decode");

    /// <summary>What jsQR read: the text and version, or why it read nothing.</summary>
    public sealed record Result(string? Text, int? Version, string? Error);

    public static async Task<IReadOnlyList<Result>> DecodeAsync(IReadOnlyList<QrCode> codes)
    {
        Assert.True(Directory.Exists(Path.Combine(Tool, "node_modules", "jsqr")),
            "tests/qr-decode has no node_modules: run `npm ci` there (test.sh does it)");
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
        foreach (var code in codes)
        {
            var dark = new int[code.Size * code.Size];
            for (var y = 0; y < code.Size; y++)
            {
                for (var x = 0; x < code.Size; x++) dark[y * code.Size + x] = code[x, y] ? 1 : 0;
            }
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { size = code.Size, dark }));
        }
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, await stderr);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var results = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<Result>(l, options)!).ToList();
        Assert.Equal(codes.Count, results.Count);
        return results;
    }
}
