using System.Globalization;
using System.Security;
using System.Text;

namespace Kith.Platform.Web.QrCodes;

/// <summary>
/// Draws a QR code as SVG for printing: sized by its viewBox (one unit per module) so it stays sharp
/// at any size, and named by its title for screen readers.
/// </summary>
internal static class QrSvg
{
    /// <summary>Readers need four light modules around the symbol to find its edge.</summary>
    public const int QuietZone = 4;

    public static string Render(QrCode code, string title)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(title);
        var side = (code.Size + 2 * QuietZone).ToString(CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" role="img" shape-rendering="crispEdges">""");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{SecurityElement.Escape(title)}</title>");
        // An explicit light ground: on a dark page or a transparent print the quiet zone must still be light.
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{side}" height="{side}" fill="#fff"/>""");
        svg.Append("<path fill=\"#000\" d=\"");
        AppendDarkRuns(svg, code);
        svg.Append("\"/></svg>");
        return svg.ToString();
    }

    /// <summary>One rectangle per horizontal run of dark modules keeps the path a fraction of one square per module.</summary>
    private static void AppendDarkRuns(StringBuilder path, QrCode code)
    {
        for (var y = 0; y < code.Size; y++)
        {
            var x = 0;
            while (x < code.Size)
            {
                if (!code[x, y])
                {
                    x++;
                    continue;
                }
                var start = x;
                while (x < code.Size && code[x, y]) x++;
                path.Append(CultureInfo.InvariantCulture, $"M{start + QuietZone} {y + QuietZone}h{x - start}v1h-{x - start}z");
            }
        }
    }
}
