using FsCheck;
using FsCheck.Fluent;
using Kith.Referrals.Domain;

namespace Kith.Tests.Referrals;

/// <summary>
/// The Gravity referral Task state machine, exhaustively: every status to every status, taken by the requester, the
/// receiver and a third organisation, against a table written out here from the guide rather than derived from
/// the code under test; then random walks that only ever take allowed steps.
/// </summary>
public sealed class ReferralTransitionsTests
{
    private static readonly ReferralStatus[] Statuses = Enum.GetValues<ReferralStatus>();
    private static readonly ReferralParty[] Parties = Enum.GetValues<ReferralParty>();

    // From the guide: (from, to, who may take the step). "Either" is both organisations; nobody else ever may.
    private static readonly (string From, string To, string Who)[] Guide =
    [
        ("requested", "accepted", "receiver"), ("requested", "rejected", "receiver"), ("requested", "cancelled", "either"),
        ("accepted", "in-progress", "receiver"), ("accepted", "on-hold", "receiver"), ("accepted", "completed", "receiver"),
        ("accepted", "failed", "receiver"), ("accepted", "cancelled", "either"),
        ("in-progress", "on-hold", "receiver"), ("in-progress", "completed", "receiver"), ("in-progress", "failed", "receiver"),
        ("in-progress", "cancelled", "either"),
        ("on-hold", "in-progress", "receiver"), ("on-hold", "completed", "receiver"), ("on-hold", "failed", "receiver"),
        ("on-hold", "cancelled", "either"),
        ("requested", "entered-in-error", "requester"), ("accepted", "entered-in-error", "requester"),
        ("in-progress", "entered-in-error", "requester"), ("on-hold", "entered-in-error", "requester"),
        ("rejected", "entered-in-error", "requester"), ("cancelled", "entered-in-error", "requester"),
        ("completed", "entered-in-error", "requester"), ("failed", "entered-in-error", "requester"),
    ];

    private static bool GuideAllows(ReferralStatus from, ReferralStatus to, ReferralParty party) =>
        Guide.Any(g => g.From == from.Code() && g.To == to.Code() && party != ReferralParty.Other
            && (g.Who == "either" || g.Who == (party == ReferralParty.Requester ? "requester" : "receiver")));

    private static bool GuideHasStep(ReferralStatus from, ReferralStatus to) => Guide.Any(g => g.From == from.Code() && g.To == to.Code());

    /// <summary>A reason and an outcome that satisfy the step's requirements, so only the step itself is judged.</summary>
    private static (string? Reason, ReferralOutcome? Outcome) Complete(ReferralStatus to) =>
        (ReferralTransitions.NeedsReason(to) ? "The family moved out of the county." : null,
         to switch { ReferralStatus.Completed => ReferralOutcome.GotHelp, ReferralStatus.Failed => ReferralOutcome.CouldNotContact, _ => null });

    // Codes and names, not the internal enums, so each of the 243 cases is named readably in the results.
    public static TheoryData<string, string, string> EveryStepByEveryParty()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var from in Statuses)
            foreach (var to in Statuses)
                foreach (var party in Parties)
                    data.Add(from.Code(), to.Code(), party.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStepByEveryParty))]
    public void Every_step_is_allowed_exactly_when_the_guide_allows_it_for_that_side(string fromCode, string toCode, string partyName)
    {
        Assert.True(ReferralStatusCodes.TryParse(fromCode, out var from));
        Assert.True(ReferralStatusCodes.TryParse(toCode, out var to));
        var party = Enum.Parse<ReferralParty>(partyName);
        var (reason, outcome) = Complete(to);
        var refusal = ReferralTransitions.Check(from, to, party, reason, outcome);

        if (GuideAllows(from, to, party))
            Assert.Null(refusal);
        else
            Assert.Equal(
                party == ReferralParty.Other ? TransitionRefusal.NotAParty
                    : GuideHasStep(from, to) ? TransitionRefusal.NotYourSide
                    : TransitionRefusal.NoSuchStep,
                refusal);
        Assert.Equal(GuideAllows(from, to, party), ReferralTransitions.StepsFor(party, from).Contains(to));
    }

    [Fact]
    public void The_guide_table_has_every_step_once_and_the_machine_has_no_step_the_guide_lacks()
    {
        Assert.Equal(Guide.Length, Guide.Select(g => (g.From, g.To)).Distinct().Count());
        foreach (var from in Statuses)
            Assert.Equal(
                Guide.Where(g => g.From == from.Code()).Select(g => g.To).Order(),
                ReferralTransitions.StepsFrom(from).Select(s => s.Code()).Order());
        // Closed states lead nowhere but to entered-in-error, and entered-in-error leads nowhere at all.
        Assert.All(Statuses.Where(s => s.IsClosed()), s => Assert.All(ReferralTransitions.StepsFrom(s), to => Assert.Equal(ReferralStatus.EnteredInError, to)));
        Assert.Empty(ReferralTransitions.StepsFrom(ReferralStatus.EnteredInError));
    }

    [Theory]
    [InlineData("rejected", "requested")]
    [InlineData("cancelled", "accepted")]
    [InlineData("on-hold", "in-progress")]
    [InlineData("failed", "on-hold")]
    public void Rejected_cancelled_on_hold_and_failed_need_a_reason(string toCode, string fromCode)
    {
        Assert.True(ReferralStatusCodes.TryParse(toCode, out var to));
        Assert.True(ReferralStatusCodes.TryParse(fromCode, out var from));
        var outcome = Complete(to).Outcome;

        foreach (var blank in new[] { null, "", "   \n" })
            Assert.Equal(TransitionRefusal.ReasonRequired, ReferralTransitions.Check(from, to, ReferralParty.Receiver, blank, outcome));
        Assert.Null(ReferralTransitions.Check(from, to, ReferralParty.Receiver, "No places until March.", outcome));
    }

    [Fact]
    public void Accepting_starting_and_completing_need_no_reason()
    {
        Assert.Null(ReferralTransitions.Check(ReferralStatus.Requested, ReferralStatus.Accepted, ReferralParty.Receiver, null, null));
        Assert.Null(ReferralTransitions.Check(ReferralStatus.Accepted, ReferralStatus.InProgress, ReferralParty.Receiver, null, null));
        Assert.Null(ReferralTransitions.Check(ReferralStatus.InProgress, ReferralStatus.Completed, ReferralParty.Receiver, null, ReferralOutcome.GotHelp));
        Assert.Null(ReferralTransitions.Check(ReferralStatus.Failed, ReferralStatus.EnteredInError, ReferralParty.Requester, null, null));
    }

    [Fact]
    public void Completed_and_failed_need_an_outcome_that_fits_and_no_other_step_takes_one()
    {
        Assert.Equal(TransitionRefusal.OutcomeRequired, ReferralTransitions.Check(ReferralStatus.InProgress, ReferralStatus.Completed, ReferralParty.Receiver, null, null));
        Assert.Equal(TransitionRefusal.OutcomeRequired, ReferralTransitions.Check(ReferralStatus.InProgress, ReferralStatus.Failed, ReferralParty.Receiver, "Phone disconnected.", null));
        foreach (var outcome in Enum.GetValues<ReferralOutcome>())
        {
            var completes = outcome is ReferralOutcome.GotHelp or ReferralOutcome.ReferredElsewhere;
            var fails = outcome is not ReferralOutcome.GotHelp;
            Assert.Equal(completes ? null : TransitionRefusal.OutcomeDoesNotFit,
                ReferralTransitions.Check(ReferralStatus.InProgress, ReferralStatus.Completed, ReferralParty.Receiver, null, outcome));
            Assert.Equal(fails ? null : TransitionRefusal.OutcomeDoesNotFit,
                ReferralTransitions.Check(ReferralStatus.InProgress, ReferralStatus.Failed, ReferralParty.Receiver, "Tried three times.", outcome));
            Assert.Equal(TransitionRefusal.OutcomeNotExpected,
                ReferralTransitions.Check(ReferralStatus.Requested, ReferralStatus.Accepted, ReferralParty.Receiver, null, outcome));
            Assert.Equal(TransitionRefusal.OutcomeNotExpected,
                ReferralTransitions.Check(ReferralStatus.Requested, ReferralStatus.Cancelled, ReferralParty.Requester, "Sent to the wrong clinic.", outcome));
        }
    }

    [Fact]
    public void Codes_round_trip_and_unknown_codes_do_not_parse()
    {
        foreach (var status in Statuses)
        {
            Assert.True(ReferralStatusCodes.TryParse(status.Code(), out var parsed));
            Assert.Equal(status, parsed);
        }
        foreach (var outcome in Enum.GetValues<ReferralOutcome>())
        {
            Assert.True(ReferralOutcomes.TryParse(outcome.Code(), out var parsed));
            Assert.Equal(outcome, parsed);
        }
        foreach (var bad in new[] { null, "", "InProgress", "in_progress", "draft", "ready", "Completed", " accepted" })
            Assert.False(ReferralStatusCodes.TryParse(bad, out _));
        Assert.Equal(9, ReferralStatusCodes.All.Count);
    }

    // --- random walks ----------------------------------------------------------------------------------------------

    private sealed record Attempt(ReferralStatus To, ReferralParty Party, string? Reason, ReferralOutcome? Outcome);

    private static readonly Gen<Attempt> AnyAttempt =
        Gen.Elements(Statuses).Zip(Gen.Elements(Parties))
            .Zip(Gen.Elements<string?>(null, "", " ", "Waitlist is full."))
            .Zip(Gen.Elements<ReferralOutcome?>([null, .. Enum.GetValues<ReferralOutcome>().Cast<ReferralOutcome?>()]))
            .Select(t => new Attempt(t.Item1.Item1.Item1, t.Item1.Item1.Item2, t.Item1.Item2, t.Item2));

    [Fact]
    public void Random_walks_only_take_steps_the_guide_allows_and_end_in_a_state_they_can_reach()
    {
        Prop.ForAll(AnyAttempt.ArrayOf().ToArbitrary(), attempts =>
        {
            var status = ReferralStatus.Requested;
            var visited = new List<ReferralStatus> { status };
            foreach (var a in attempts)
            {
                var refusal = ReferralTransitions.Check(status, a.To, a.Party, a.Reason, a.Outcome);
                if (refusal is not null) continue;
                // Every step taken is one the guide lists for that side, with what the step requires.
                if (!GuideAllows(status, a.To, a.Party)) return false;
                if (ReferralTransitions.NeedsReason(a.To) && string.IsNullOrWhiteSpace(a.Reason)) return false;
                if (ReferralTransitions.NeedsOutcome(a.To) != (a.Outcome is not null)) return false;
                status = a.To;
                visited.Add(status);
            }
            // Once closed, only entered-in-error may follow; once entered in error, nothing.
            var closedAt = visited.FindIndex(s => s.IsClosed());
            if (closedAt < 0) return true;
            var after = visited.Skip(closedAt + 1).ToList();
            return visited[closedAt] == ReferralStatus.EnteredInError
                ? after.Count == 0
                : after.Count <= 1 && after.All(s => s == ReferralStatus.EnteredInError);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Random_walks_by_a_third_organisation_never_move_a_referral()
    {
        Prop.ForAll(AnyAttempt.ArrayOf().ToArbitrary(), attempts =>
        {
            var status = ReferralStatus.Requested;
            foreach (var a in attempts)
            {
                if (ReferralTransitions.Check(status, a.To, ReferralParty.Other, a.Reason, a.Outcome) is null) return false;
                if (ReferralTransitions.Check(status, a.To, a.Party, a.Reason, a.Outcome) is null) status = a.To;
            }
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }
}

public sealed class ResponseDeadlineTests
{
    [Theory]
    [InlineData("2026-12-07 09:30", 2, "2026-12-09 09:30")] // Monday → Wednesday
    [InlineData("2026-12-10 16:00", 2, "2026-12-14 16:00")] // Thursday → Monday
    [InlineData("2026-12-11 15:00", 2, "2026-12-15 15:00")] // Friday → Tuesday
    [InlineData("2026-12-12 11:00", 2, "2026-12-16 00:00")] // Saturday: counts from Monday midnight
    [InlineData("2026-12-13 23:59", 1, "2026-12-15 00:00")] // Sunday, one day
    [InlineData("2026-12-11 15:00", 0, "2026-12-11 15:00")] // no allowance: due when sent
    [InlineData("2026-12-11 15:00", 5, "2026-12-18 15:00")] // a business week
    public void Business_days_skip_the_weekend_and_keep_the_time_of_day(string sent, int days, string due)
    {
        var format = "yyyy-MM-dd HH:mm";
        var actual = ResponseDeadline.Due(DateTime.ParseExact(sent, format, null), days);
        Assert.Equal(due, actual.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_deadline_never_falls_on_a_weekend_and_never_before_the_allowance()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0);
        for (var minutes = 0; minutes < 60 * 24 * 21; minutes += 37)
        {
            var sent = start.AddMinutes(minutes);
            for (var days = 1; days <= 4; days++)
            {
                var due = ResponseDeadline.Due(sent, days);
                Assert.False(due.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{sent:f} + {days}: {due:f}");
                Assert.True(due - sent >= TimeSpan.FromDays(days), $"{sent:f} + {days}: {due:f}");
                Assert.True(due - sent <= TimeSpan.FromDays(days + 4), $"{sent:f} + {days}: {due:f}");
            }
        }
    }
}
