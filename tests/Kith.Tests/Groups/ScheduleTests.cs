using Kith.Groups.Domain;

namespace Kith.Tests.Groups;

/// <summary>A group's sessions from its first start and RFC 5545 rule, in Riverbend's time zone, with changes applied; who gets a place; who is whose buddy and when buddies are nudged.</summary>
public sealed class ScheduleTests
{
    private const string Chicago = "America/Chicago";

    private static Group Weekly(string? rule = "FREQ=WEEKLY;COUNT=4") => new()
    {
        Name = "Grief pod", Kind = "support-group", Description = "d", Facilitators = "f",
        FirstStartLocal = new DateTime(2027, 3, 9, 18, 0, 0), DurationMinutes = 90, Rule = rule, Capacity = 2,
    };

    [Fact]
    public void A_weekly_group_stays_at_six_in_the_evening_across_the_clocks_going_forward()
    {
        // Daylight saving starts on Sunday 14 March 2027 in Chicago: the wall-clock time holds, the UTC instant moves.
        var starts = Schedule.Starts(Weekly(), Chicago).ToList();
        Assert.Equal([new DateTime(2027, 3, 9, 18, 0, 0), new DateTime(2027, 3, 16, 18, 0, 0), new DateTime(2027, 3, 23, 18, 0, 0), new DateTime(2027, 3, 30, 18, 0, 0)], starts);
    }

    [Fact]
    public void Cancelled_and_moved_sessions_are_marked_and_sorted_by_where_they_are_now()
    {
        var group = Weekly("FREQ=WEEKLY;BYDAY=TU;COUNT=3");
        var sessions = Schedule.Sessions(group,
        [
            new GroupSessionChange { OriginalStartLocal = new DateTime(2027, 3, 9, 18, 0, 0), MovedToLocal = new DateTime(2027, 3, 17, 10, 0, 0) },
            new GroupSessionChange { OriginalStartLocal = new DateTime(2027, 3, 23, 18, 0, 0), Cancelled = true },
        ], Chicago);
        Assert.Equal([new DateTime(2027, 3, 16, 18, 0, 0), new DateTime(2027, 3, 17, 10, 0, 0), new DateTime(2027, 3, 23, 18, 0, 0)], sessions.Select(s => s.StartLocal));
        Assert.Equal([false, true, false], sessions.Select(s => s.Moved));
        Assert.Equal([false, false, true], sessions.Select(s => s.Cancelled));
        Assert.Equal(new DateTime(2027, 3, 17, 11, 30, 0), sessions[1].EndLocal);
    }

    [Fact]
    public void One_session_without_a_rule_and_an_open_ended_rule_read_two_years_at_most()
    {
        Assert.Equal([new DateTime(2027, 3, 9, 18, 0, 0)], Schedule.Starts(Weekly(null), Chicago));
        Assert.Equal(Schedule.MaxSessions, Schedule.Starts(Weekly("FREQ=WEEKLY"), Chicago).Count());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("FREQ=WEEKLY;BYDAY=TU;COUNT=8", null)]
    [InlineData("FREQ=MONTHLY;BYDAY=1WE", null)]
    [InlineData("FREQ=HOURLY", "A group meets weekly or monthly: FREQ=WEEKLY or FREQ=MONTHLY.")]
    [InlineData("FREQ=DAILY;COUNT=5", "A group meets weekly or monthly: FREQ=WEEKLY or FREQ=MONTHLY.")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15", "A monthly group meets on given weekdays, like BYDAY=2SA for the second Saturday.")]
    [InlineData("FREQ=WEEKLY;BYHOUR=9", "Sessions start at the first session's time: leave out BYHOUR, BYMINUTE and BYSECOND.")]
    [InlineData("FREQ=WEEKLY;COUNT=500", "At most 104 sessions (COUNT).")]
    [InlineData("every tuesday", "Not a recurrence rule: write it as RFC 5545 does, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=8.")]
    public void A_rule_is_checked_before_it_is_kept(string? rule, string? problem) => Assert.Equal(problem, Schedule.Check(rule));

    [Fact]
    public void Places_go_first_come_then_the_longest_waiting_move_up_as_places_free()
    {
        Assert.Equal(EnrolmentStatus.Enrolled, Places.OnJoin(1, 2));
        Assert.Equal(EnrolmentStatus.Waitlisted, Places.OnJoin(2, 2));
        var at = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        Enrolment E(string status, int minutes) => new() { Id = Guid.NewGuid(), Status = status, JoinedAt = at.AddMinutes(minutes) };
        var enrolments = new[] { E("enrolled", 0), E("waitlisted", 9), E("waitlisted", 5), E("waitlisted", 7) };
        Assert.Empty(Places.ToPromote(enrolments, 1));
        Assert.Equal([at.AddMinutes(5), at.AddMinutes(7)], Places.ToPromote(enrolments, 3).Select(e => e.JoinedAt));
    }

    [Fact]
    public void Those_waiting_for_a_buddy_are_paired_in_the_order_they_asked_and_an_odd_one_waits()
    {
        var at = new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        Buddy Asked(int minutes, Guid? buddy = null) => new() { Id = Guid.NewGuid(), AskedAt = at.AddMinutes(minutes), BuddyId = buddy };
        var (first, second, third, fourth, fifth) = (Asked(1), Asked(2), Asked(3), Asked(4), Asked(5));
        var pairs = Pairing.Pairs([fifth, Asked(0, Guid.NewGuid()), third, first, fourth, second]); // one already has a buddy
        Assert.Equal([(first, second), (third, fourth)], pairs);
    }

    [Theory]
    [InlineData("2027-03-09T18:00", "2027-03-16T18:00", "2027-03-13T09:00")] // Tuesday evenings: the middle is 6 am Saturday, so 9 am
    [InlineData("2027-03-11T10:00", "2027-03-18T10:00", "2027-03-15T09:00")] // Thursday mornings: 10 pm Sunday waits for Monday
    [InlineData("2027-03-06T10:00", "2027-04-03T10:00", "2027-03-20T10:00")] // first Saturdays: the middle is in the day
    [InlineData("2027-03-08T18:00", "2027-03-09T18:00", "2027-03-09T09:00")] // a day apart: the morning between
    [InlineData("2027-03-08T18:00", "2027-03-09T08:00", null)]               // moved so close there is no day between
    public void A_nudge_goes_midway_between_two_sessions_but_never_in_the_night(string earlier, string later, string? expected)
    {
        static Session At(string start)
        {
            var local = DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
            return new Session(local, local, local.AddMinutes(90), false, false);
        }
        Assert.Equal(expected is null ? null : DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Pairing.NudgeAt(At(earlier), At(later)));
    }
}
