using System.Globalization;
using System.Text.RegularExpressions;
using Kith.Lines.Domain;

namespace Kith.Lines.Admin;

/// <summary>The rules a line's set-up keeps, in plain C# (no database): checked before anything is saved. Errors by JSON field.</summary>
internal static partial class LineRules
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 640; // four SMS segments: an automatic text must stay short
    public const int MaxWaitSeconds = 24 * 3600;

    public static Dictionary<string, string[]> Check(LineRequest request, Guid? id)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = ["Enter the line's name."];
        else if (name.Length > MaxNameLength || name.Any(char.IsControl)) errors["name"] = ["Use at most 200 characters, no control characters."];
        if (request.Slug is not { } slug || !Slug().IsMatch(slug)) errors["slug"] = ["Use 2–60 lower-case letters, digits and dashes (it is the web chat's address)."];
        if (request.Audience is { Length: > MaxNameLength }) errors["audience"] = ["Use at most 200 characters."];
        if (request.SmsNumber is { } number && !E164().IsMatch(number)) errors["smsNumber"] = ["Enter the number in international form, e.g. +15075550100."];
        if (request.ShortCode is { } code && !ShortCode().IsMatch(code)) errors["shortCode"] = ["A short code is 5 or 6 digits."];
        if (request.Keyword is { } keyword && !Keyword().IsMatch(keyword)) errors["keyword"] = ["A keyword is 2–20 capital letters or digits."];
        if (request.Keyword is not null && request.ShortCode is null) errors.TryAdd("keyword", ["A keyword picks the line on a shared short code: give the short code too."]);
        if (string.IsNullOrWhiteSpace(request.TimeZone) || !KnownZone(request.TimeZone)) errors["timeZone"] = ["Choose a time zone by its IANA name, e.g. America/Chicago."];
        CheckLanguagesAndTexts(request, errors);
        CheckHours(request, errors);
        if (request.Teams is not { Length: > 0 }) errors["teams"] = ["Choose at least one team to answer the line."];
        if (id is not null && request.BackupLineId == id) errors["backupLineId"] = ["A line cannot be its own backup."];
        if (request.MaxWait is { } wait)
            foreach (var (field, seconds) in new[] { ("imminent", wait.Imminent), ("urgent", wait.Urgent), ("routine", wait.Routine) })
                if (seconds is < 1 or > MaxWaitSeconds) errors[$"maxWait.{field}"] = ["Give a wait of 1 second to 24 hours (in seconds)."];
        if (request.CaringContacts is { } caring)
        {
            var schedule = CaringContacts.CaringSchedules.Parse(caring);
            if (schedule is null) errors["caringContacts"] = ["Write each step as days or months after the YES, e.g. 1d, 7d, 1m, 12m."];
            else if (schedule.Problems() is { Count: > 0 } problems) errors["caringContacts"] = [.. problems];
        }
        return errors;
    }

    /// <summary>
    /// True when making <paramref name="backup"/> the backup of <paramref name="line"/> closes a circle (A → B → A): a
    /// conversation rolled over would come back to the line that could not answer it, and nobody outside the circle catches it.
    /// </summary>
    public static bool BackupCloses(Guid line, Guid? backup, IReadOnlyDictionary<Guid, Guid?> backups)
    {
        var seen = new HashSet<Guid>();
        for (var next = backup; next is { } step; next = backups.GetValueOrDefault(step))
        {
            if (step == line) return true;
            if (!seen.Add(step)) return false; // a circle further on, not through this line (refused when it was made)
        }
        return false;
    }

    private static void CheckLanguagesAndTexts(LineRequest request, Dictionary<string, string[]> errors)
    {
        var languages = request.Languages ?? [];
        if (languages.Length == 0 || languages.Any(l => l is null || !Language().IsMatch(l)) || languages.Distinct().Count() != languages.Length)
        {
            errors["languages"] = ["List the line's languages by their codes (e.g. en, es, so), each once; the first is the line's own."];
            return;
        }
        var messages = request.Messages ?? [];
        foreach (var language in messages.Keys.Where(k => !languages.Contains(k)))
            errors[$"messages.{language}"] = ["Texts for a language the line does not list."];
        var first = messages.GetValueOrDefault(languages[0]);
        foreach (var text in LineTexts.Names)
        {
            if (first?[text] is not { } value || string.IsNullOrWhiteSpace(value))
                errors[$"messages.{languages[0]}.{text}"] = ["The line's first language needs every text (the others fall back to it)."];
        }
        foreach (var (language, texts) in messages)
            foreach (var text in LineTexts.Names)
                if (texts?[text] is { } value && (value.Length > MaxTextLength || value.Any(c => char.IsControl(c) && c is not '\n')))
                    errors[$"messages.{language}.{text}"] = ["Use at most 640 characters, no control characters."];
    }

    private static void CheckHours(LineRequest request, Dictionary<string, string[]> errors)
    {
        foreach (var (day, periods) in request.Hours ?? [])
        {
            if (LineSetup.Weekdays.All(w => w.Code != day)) errors[$"hours.{day}"] = ["Use the weekday's English name in lower case (monday … sunday)."];
            else if ((periods ?? []).Any(p => OpenPeriod.Parse(p) is null) || periods is { Length: > 6 })
                errors[$"hours.{day}"] = ["Give up to six periods as HH:mm-HH:mm (24:00 ends at midnight; an end before the start runs overnight)."];
        }
        foreach (var (holiday, index) in (request.Holidays ?? []).Select((h, i) => (h, i)))
            if (!DateOnly.TryParseExact(holiday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                errors[$"holidays[{index}]"] = ["Give holidays as dates, yyyy-MM-dd."];
    }

    private static bool KnownZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id) is not null; }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return false; }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")] private static partial Regex Slug();
    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")] internal static partial Regex E164();
    [GeneratedRegex("^[0-9]{5,6}$")] private static partial Regex ShortCode();
    [GeneratedRegex("^[A-Z0-9]{2,20}$")] private static partial Regex Keyword();
    [GeneratedRegex("^[a-z]{2,3}$")] private static partial Regex Language();
}
