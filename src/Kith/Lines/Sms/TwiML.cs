using System.Xml.Linq;

namespace Kith.Lines.Sms;

/// <summary>The webhook's answer in Twilio's markup: <c>&lt;Response/&gt;</c>, or one message to send back (escaped by the XML writer).</summary>
internal static class TwiML
{
    public const string ContentType = "application/xml";

    public static string Response(string? message) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + new XElement("Response", string.IsNullOrEmpty(message) ? null : new XElement("Message", message)).ToString(SaveOptions.DisableFormatting);
}
