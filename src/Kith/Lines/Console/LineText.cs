using Microsoft.Extensions.Localization;

namespace Kith.Lines.Console;

/// <summary>The console's words for a conversation's codes (the English texts are the translation keys).</summary>
internal static class LineText
{
    public static string Status(IStringLocalizer T, string status) => status switch
    {
        "waiting" => T["Waiting for a responder"],
        "active" => T["Active"],
        "closed" => T["Closed"],
        _ => status,
    };

    /// <summary>What became of an outgoing text, as the provider last reported it.</summary>
    public static string Delivery(IStringLocalizer T, string? status) => status switch
    {
        null or "pending" => T["Waiting to send"],
        "queued" or "accepted" or "sending" => T["Queued"],
        "sent" => T["Sent"],
        "delivered" => T["Delivered"],
        "read" => T["Read"],
        "undelivered" => T["Not delivered"],
        "failed" => T["Failed"],
        "replied" => T["Sent with the automatic answer"],
        "opted-out" => T["Not sent: they opted out"],
        _ => status,
    };

    public static string Disposition(IStringLocalizer T, string code) => code switch
    {
        "supported" => T["Supported"],
        "resolved" => T["Resolved"],
        "referred" => T["Referred"],
        "active-rescue" => T["Active rescue"],
        "texter-left" => T["The texter left"],
        "abusive" => T["Abusive"],
        "test" => T["Test"],
        _ => T["Other"],
    };

    public static string Language(string code)
    {
        try { return System.Globalization.CultureInfo.GetCultureInfo(code).NativeName; }
        catch (System.Globalization.CultureNotFoundException) { return code; }
    }
}
