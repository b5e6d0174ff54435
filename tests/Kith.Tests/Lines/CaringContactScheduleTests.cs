using Kith.Lines.CaringContacts;

namespace Kith.Tests.Lines;

public sealed class CaringContactScheduleTests
{
    [Fact]
    public void The_default_is_Comtois_eleven_texts_in_twelve_months_with_the_birthday()
    {
        var due = CaringContactSchedule.Comtois.DueDates(new DateOnly(2026, 3, 10), birthday: new DateOnly(1990, 7, 4));

        DateOnly[] expected =
        [
            new(2026, 3, 11), new(2026, 3, 17), new(2026, 4, 10), new(2026, 5, 10), new(2026, 6, 10), new(2026, 7, 4),
            new(2026, 7, 10), new(2026, 9, 10), new(2026, 11, 10), new(2027, 1, 10), new(2027, 3, 10),
        ];
        Assert.Equal(expected, due);
        Assert.Empty(CaringContactSchedule.Comtois.Problems());
    }

    [Fact]
    public void Without_a_birthday_there_are_ten_and_month_ends_are_kept_where_they_exist()
    {
        var due = CaringContactSchedule.Comtois.DueDates(new DateOnly(2027, 1, 31), birthday: null);

        Assert.Equal(10, due.Count);
        Assert.Equal(new DateOnly(2027, 2, 28), due[2]);
        Assert.Equal(new DateOnly(2027, 3, 31), due[3]);
    }

    [Fact]
    public void A_birthday_on_a_day_with_a_text_adds_none_and_29_February_falls_on_the_28th()
    {
        Assert.Equal(10, CaringContactSchedule.Comtois.DueDates(new DateOnly(2026, 3, 10), new DateOnly(2000, 4, 10)).Count);
        Assert.Contains(new DateOnly(2027, 2, 28), CaringContactSchedule.Comtois.DueDates(new DateOnly(2026, 3, 10), new DateOnly(2000, 2, 29)));
    }

    [Fact]
    public void An_admin_schedule_that_would_pressure_or_repeat_is_refused_with_reasons()
    {
        var tooMany = new CaringContactSchedule([.. Enumerable.Range(1, 26).Select(CaringContactStep.Days)], Birthday: false);
        var sameDay = new CaringContactSchedule([CaringContactStep.Days(30), CaringContactStep.Months(1)], Birthday: false);
        var none = new CaringContactSchedule([], Birthday: true);
        var tooLong = new CaringContactSchedule([CaringContactStep.Months(30)], Birthday: false);

        Assert.Contains(tooMany.Problems(), p => p.Contains("At most 25"));
        Assert.Contains(sameDay.Problems(), p => p.Contains("same day"));
        Assert.Contains(none.Problems(), p => p.Contains("at least one"));
        Assert.Contains(tooLong.Problems(), p => p.Contains("24 months"));
    }
}
