using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Kith.Groups.Join;

/// <summary>How pages word a group's kind and a session's time, in the reader's language.</summary>
internal static class GroupWords
{
    public static string Kind(IStringLocalizer T, string code) => code switch
    {
        "support-group" => T["Support group"],
        "peer-group" => T["Peer group"],
        "workshop" => T["Workshop"],
        "training" => T["Training"],
        "walk-and-talk" => T["Walk and talk"],
        "drop-in" => T["Drop-in"],
        "storytelling-circle" => T["Storytelling circle"],
        _ => code,
    };

    /// <summary>"Tuesday 9 March, 18:00" in the reader's culture, from a local ISO time.</summary>
    public static string When(string isoLocal) =>
        DateTime.TryParseExact(isoLocal, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? local.ToString("dddd d MMMM, t", CultureInfo.CurrentCulture) : isoLocal;

    public static string When(DateTime local) => local.ToString("dddd d MMMM, t", CultureInfo.CurrentCulture);
}
