using Kith.Lines.Admin;
using Kith.Lines.Domain;

namespace Kith.Tests.Lines;

/// <summary>A line's plain rules: when it is open (its own time zone, holidays, overnight, daylight saving), what it may be set to, and backups.</summary>
public sealed class LineRulesTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static LineHours Hours(Dictionary<string, string[]> week, params string[] holidays) => LineSetup.Of(new Line
    {
        Slug = "t", Name = "T", Languages = "en", TimeZone = "America/Chicago", Texts = "{}", Teams = "",
        Hours = LineSetup.StoreHours(week), Holidays = string.Join(' ', holidays),
    }).Hours;

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(new DateTime(2027, month, day, hour, minute, 0), Chicago.GetUtcOffset(new DateTime(2027, month, day, hour, minute, 0)));

    [Fact]
    public void Hours_are_read_in_the_line_s_zone_with_holidays_overnight_periods_and_next_openings()
    {
        // Monday 1 March 2027 … ; weekdays 09:00–17:00, Friday overnight 20:00–02:00, Saturday all day; 3 March a holiday.
        var hours = Hours(new()
        {
            ["monday"] = ["09:00-17:00"], ["tuesday"] = ["09:00-17:00"], ["wednesday"] = ["09:00-17:00"],
            ["friday"] = ["20:00-02:00"], ["saturday"] = ["00:00-24:00"],
        }, "2027-03-03");

        Assert.False(hours.IsOpen(Local(3, 1, 8, 59)));
        Assert.True(hours.IsOpen(Local(3, 1, 9)));
        Assert.False(hours.IsOpen(Local(3, 1, 17))); // the end is not open
        Assert.False(hours.IsOpen(Local(3, 3, 12))); // the holiday
        Assert.True(hours.IsOpen(Local(3, 6, 1, 30))); // Friday's overnight period, early Saturday
        Assert.True(hours.IsOpen(Local(3, 6, 23, 59)));
        Assert.False(hours.IsOpen(Local(3, 7, 0, 30))); // nothing on Sunday

        Assert.Equal(Local(3, 1, 12), hours.NextOpening(Local(3, 1, 12))); // open: now
        Assert.Equal(Local(3, 2, 9), hours.NextOpening(Local(3, 1, 18)));
        Assert.Equal(Local(3, 5, 20), hours.NextOpening(Local(3, 2, 18))); // skips the holiday and closed Thursday
        Assert.Equal(Chicago.GetUtcOffset(new DateTime(2027, 3, 5, 20, 0, 0)), hours.NextOpening(Local(3, 2, 18))!.Value.Offset); // in the line's offset
        Assert.Null(Hours([]).NextOpening(Local(3, 1, 12)));
    }

    [Fact]
    public void A_period_that_starts_in_the_spring_forward_gap_opens_an_hour_later_and_24_7_is_always_open()
    {
        // 14 March 2027: clocks go from 02:00 to 03:00 in Chicago.
        var hours = Hours(new() { ["sunday"] = ["02:30-05:00"] });
        Assert.False(hours.IsOpen(new DateTimeOffset(2027, 3, 14, 7, 45, 0, TimeSpan.Zero))); // 01:45 CST
        Assert.True(hours.IsOpen(new DateTimeOffset(2027, 3, 14, 8, 45, 0, TimeSpan.Zero))); // 03:45 CDT

        var always = Hours(LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" }));
        for (var at = new DateTimeOffset(2027, 3, 13, 0, 0, 0, TimeSpan.Zero); at < new DateTimeOffset(2027, 3, 16, 0, 0, 0, TimeSpan.Zero); at = at.AddMinutes(17))
            Assert.True(always.IsOpen(at), at.ToString("O"));
    }

    [Theory]
    [InlineData("09:00-17:00", true)]
    [InlineData("00:00-24:00", true)]
    [InlineData("22:00-06:00", true)]
    [InlineData("9-17", false)]
    [InlineData("09:00-09:00", false)]
    [InlineData("24:00-06:00", false)]
    [InlineData("25:00-26:00", false)]
    public void Periods_are_HH_mm_pairs(string text, bool valid) => Assert.Equal(valid, OpenPeriod.Parse(text) is not null);

    private static LineRequest Valid(Guid? backup = null) => new(
        "Farm line", "farm-line", "Farmers", ["en", "es"], "+15075550123", null, null, "America/Chicago",
        new() { ["monday"] = ["09:00-17:00"] }, ["2027-12-25"],
        new() { ["en"] = new("Hi", "Closed", "Busy", "Bye", "Help"), ["es"] = new("Hola", null, null, null, null) },
        [Guid.NewGuid()], backup, new(60, 300, 1800));

    [Fact]
    public void A_valid_line_passes_and_each_bad_value_names_its_field()
    {
        Assert.Empty(LineRules.Check(Valid(), Guid.NewGuid()));
        var id = Guid.NewGuid();
        (LineRequest Request, string Field)[] cases =
        [
            (Valid() with { Name = " " }, "name"),
            (Valid() with { Slug = "Farm Line" }, "slug"),
            (Valid() with { SmsNumber = "5075550123" }, "smsNumber"),
            (Valid() with { ShortCode = "12" }, "shortCode"),
            (Valid() with { Keyword = "FARM" }, "keyword"), // a keyword needs a short code
            (Valid() with { TimeZone = "Mars/Olympus" }, "timeZone"),
            (Valid() with { Languages = ["en", "en"] }, "languages"),
            (Valid() with { Languages = [] }, "languages"),
            (Valid() with { Messages = new() { ["en"] = new("Hi", "Closed", "Busy", "Bye", null) } }, "messages.en.help"),
            (Valid() with { Messages = new() { ["en"] = new("Hi", "Closed", "Busy", "Bye", "Help"), ["so"] = new("Salaan", null, null, null, null) } }, "messages.so"),
            (Valid() with { Hours = new() { ["funday"] = ["09:00-17:00"] } }, "hours.funday"),
            (Valid() with { Hours = new() { ["monday"] = ["nine to five"] } }, "hours.monday"),
            (Valid() with { Holidays = ["25/12/2027"] }, "holidays[0]"),
            (Valid() with { Teams = [] }, "teams"),
            (Valid(backup: id), "backupLineId"),
            (Valid() with { MaxWait = new(0, 300, 1800) }, "maxWait.imminent"),
        ];
        foreach (var (request, field) in cases)
            Assert.True(LineRules.Check(request, id).ContainsKey(field), $"{field}: {string.Join(", ", LineRules.Check(request, id).Keys)}");
    }

    [Fact]
    public void A_backup_chain_may_not_come_back_to_the_line()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var backups = new Dictionary<Guid, Guid?> { [a] = null, [b] = a, [c] = b, [d] = null };
        Assert.True(LineRules.BackupCloses(a, c, backups)); // a → c → b → a
        Assert.False(LineRules.BackupCloses(d, c, backups)); // d → c → b → a: ends
        Assert.False(LineRules.BackupCloses(a, null, backups));
        Assert.True(LineRules.BackupCloses(a, a, backups));
    }

    [Fact]
    public void Texts_fall_back_to_the_line_s_first_language_and_unknown_languages_get_the_first()
    {
        var setup = LineSetup.Of(new Line
        {
            Slug = "t", Name = "T", Languages = "es en", TimeZone = "America/Chicago", Hours = "{}", Teams = "",
            Texts = LineSetup.StoreTexts(new Dictionary<string, LineTexts>
            {
                ["es"] = new("Hola", "Cerrado", "Ocupado", "Adiós", "Ayuda"), ["en"] = new("Hello", null, null, null, null),
            }),
        });
        Assert.Equal("Hello", setup.Text("greeting", "en"));
        Assert.Equal("Cerrado", setup.Text("closed", "en"));
        Assert.Equal("Hola", setup.Text("greeting", "so"));
        Assert.Equal("es", setup.LanguageFor(null));
    }
}
