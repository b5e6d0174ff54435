using Kith.Lines.Domain;

namespace Kith.Lines.Admin;

/// <summary>
/// A line as sent to <c>POST/PUT /api/lines</c>. Hours: weekday ("monday" … "sunday") → periods "HH:mm-HH:mm" in the
/// line's time zone (absent day: closed). Messages: language → texts; the first language needs every text, others
/// fall back to it. Caring contacts: steps after the texter's YES ("1d", "7d", "1m" …; absent: the Comtois
/// schedule, ADR 38). Max wait in seconds per tier (defaults 60 / 300 / 1800). Active null keeps it as it is.
/// </summary>
internal sealed record LineRequest(
    string? Name, string? Slug, string? Audience, string[]? Languages,
    string? SmsNumber, string? ShortCode, string? Keyword, string? TimeZone,
    Dictionary<string, string[]>? Hours, string[]? Holidays, Dictionary<string, LineTexts>? Messages,
    Guid[]? Teams, Guid? BackupLineId, MaxWaitRequest? MaxWait, bool? Active = null, string[]? CaringContacts = null);

internal sealed record MaxWaitRequest(int? Imminent, int? Urgent, int? Routine);

/// <summary>A line as the admin API shows it, with whether it is open now and when it next opens (in its own offset).</summary>
internal sealed record LineView(
    Guid Id, string Slug, string Name, string? Audience, IReadOnlyList<string> Languages,
    string? SmsNumber, string? ShortCode, string? Keyword, string TimeZone,
    IReadOnlyDictionary<string, string[]> Hours, IReadOnlyList<DateOnly> Holidays, IReadOnlyDictionary<string, LineTexts> Messages,
    IReadOnlyList<Guid> Teams, Guid? BackupLineId, WaitLimits MaxWait, bool Active, bool OpenNow, DateTimeOffset? NextOpening,
    IReadOnlyList<string> CaringContacts)
{
    public static LineView Of(LineSetup setup, DateTimeOffset now)
    {
        var line = setup.Line;
        var hours = setup.Hours;
        return new(line.Id, line.Slug, line.Name, line.Audience, setup.Languages, line.SmsNumber, line.ShortCode, line.Keyword, line.TimeZone,
            setup.HoursByDay, setup.Holidays, setup.Texts, setup.Teams, line.BackupLineId, setup.MaxWait, line.Active,
            hours.IsOpen(now), hours.NextOpening(now), Kith.Lines.CaringContacts.CaringSchedules.Show(line.CaringSchedule));
    }
}
