using System.Globalization;
using System.Text.Json;

namespace Kith.Lines.Domain;

/// <summary>The automatic texts of a line in one language; any may be missing and falls back to the line's first language.</summary>
internal sealed record LineTexts(string? Greeting, string? Closed, string? Busy, string? OptOut, string? Help)
{
    public static readonly string[] Names = ["greeting", "closed", "busy", "optOut", "help"];

    public string? this[string name] => name switch
    {
        "greeting" => Greeting,
        "closed" => Closed,
        "busy" => Busy,
        "optOut" => OptOut,
        "help" => Help,
        _ => null,
    };
}

/// <summary>How long a conversation of each tier may wait for a responder before the line has failed it (then: the backup line).</summary>
internal sealed record WaitLimits(int Imminent, int Urgent, int Routine)
{
    public static readonly WaitLimits Default = new(60, 300, 1800);

    /// <summary>The limit for a tier, in seconds.</summary>
    public int For(string tier) => tier switch { ConversationTiers.Imminent => Imminent, ConversationTiers.Urgent => Urgent, _ => Routine };
}

/// <summary>
/// A <see cref="Line"/>'s stored values read as rules: its languages, hours, texts and teams. The one reader and
/// writer of the stored forms, so the API, the seed and the SMS adapter cannot disagree on them.
/// </summary>
internal sealed class LineSetup
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly IReadOnlyList<(string Code, DayOfWeek Day)> Weekdays =
    [
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday), ("thursday", DayOfWeek.Thursday),
        ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday), ("sunday", DayOfWeek.Sunday),
    ];

    public required Line Line { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required IReadOnlyDictionary<string, string[]> HoursByDay { get; init; }
    public required IReadOnlyList<DateOnly> Holidays { get; init; }
    public required IReadOnlyDictionary<string, LineTexts> Texts { get; init; }
    public required IReadOnlyList<Guid> Teams { get; init; }
    public WaitLimits MaxWait => new(Line.MaxWaitImminentSeconds, Line.MaxWaitUrgentSeconds, Line.MaxWaitRoutineSeconds);

    public static LineSetup Of(Line line) => new()
    {
        Line = line,
        Languages = line.Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        HoursByDay = JsonSerializer.Deserialize<Dictionary<string, string[]>>(line.Hours, Json) ?? [],
        Holidays = [.. line.Holidays.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))],
        Texts = JsonSerializer.Deserialize<Dictionary<string, LineTexts>>(line.Texts, Json) ?? [],
        Teams = [.. line.Teams.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)],
    };

    public static string StoreHours(IReadOnlyDictionary<string, string[]> hours) => JsonSerializer.Serialize(hours, Json);
    public static string StoreTexts(IReadOnlyDictionary<string, LineTexts> texts) => JsonSerializer.Serialize(texts, Json);
    public static string StoreHolidays(IEnumerable<DateOnly> dates) =>
        string.Join(' ', dates.Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    public static string StoreTeams(IEnumerable<Guid> teams) => string.Join(' ', teams.Distinct());

    public LineHours Hours => new(
        Weekdays.ToDictionary(w => w.Day, w => (IReadOnlyList<OpenPeriod>)[.. HoursByDay.GetValueOrDefault(w.Code, []).Select(OpenPeriod.Parse).OfType<OpenPeriod>()]),
        Holidays.ToHashSet(), TimeZoneInfo.FindSystemTimeZoneById(Line.TimeZone));

    /// <summary>The language a texter is answered in: theirs if the line speaks it, else the line's first.</summary>
    public string LanguageFor(string? language) =>
        language is not null && Languages.Contains(language) ? language : Languages[0];

    /// <summary>One automatic text in a language, falling back to the line's first language (which always has every text).</summary>
    public string Text(string name, string? language) =>
        (Texts.GetValueOrDefault(LanguageFor(language))?[name] ?? Texts.GetValueOrDefault(Languages[0])?[name]) ?? "";
}
