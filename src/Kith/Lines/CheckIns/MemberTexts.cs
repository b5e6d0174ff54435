using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Kith.Lines.CheckIns;

/// <summary>
/// The texts a member of check-ins or caring contacts gets, in their language. Neutral on purpose: someone else
/// reading the phone learns nothing about a crisis, a line or a diagnosis (English texts are the translation keys).
/// </summary>
internal sealed class MemberTexts(IStringLocalizer<SharedResource> T)
{
    public const string CheckInConsent = "Hi, you agreed to get a short text from this number now and then, asking how you are. Reply YES to start, or STOP to end.";
    public const string CaringConsent = "Hi, you agreed to get a short, friendly text from this number now and then this year. No need to reply to them. Reply YES to start, or STOP to end.";
    public const string Confirmed = "Thank you, you are set up. Reply PAUSE to pause, or STOP to end all texts.";
    public const string CaringConfirmed = "Thank you. Reply STOP at any time to end them.";
    public const string Question = "How are you doing today, 1–5? (1 very bad, 5 very good)";
    public const string Thanks = "Thank you.";
    public const string ThanksSomeoneWillText = "Thank you for telling us. Someone will text you back soon.";
    public const string Paused = "Paused. Reply RESUME to start again.";
    public const string Resumed = "Started again.";
    public const string Stopped = "Done: no more check-ins will be sent.";
    public const string Caring = "Thinking of you. No need to reply. — {0}";

    /// <summary>Every text above: the translation check reads them as keys.</summary>
    public static readonly string[] All = [CheckInConsent, CaringConsent, Confirmed, CaringConfirmed, Question, Thanks, ThanksSomeoneWillText, Paused, Resumed, Stopped, Caring];

    public string In(string language, string text, params object[] args)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(Platform.Localization.Cultures.IsSupported(language) ? language : "en");
            return T[text, args].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
