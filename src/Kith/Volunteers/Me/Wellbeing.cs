using System.Globalization;
using System.Text.Json;
using Kith.Community.Contracts;
using Kith.Platform.Data;
using Kith.Platform.Messaging;
using Kith.Platform.Privacy;
using Kith.Platform.Time;
using Kith.Screening.Contracts;
using Kith.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Volunteers.Me;

/// <summary>What a check-in came to for the person: the score out of 100 and its band, in their language.</summary>
internal sealed record CheckInOutcome(int Status, int? Percentage = null, string? Band = null, string? BandTitle = null, string? Meaning = null, string? Problem = null);

internal sealed record PastCheckIn(string Month, int Percentage, string Band, string BandTitle);

/// <summary>One ended month of an organisation's check-ins by band, small counts hidden (null) so no one helper's band shows.</summary>
internal sealed record MonthOfCheckIns(string Month, IReadOnlyList<(string Band, int? Count)> Bands, int? Total);

/// <summary>
/// The monthly WHO-5 check-in for people who help, scored by the screening library. Only the person sees their answers
/// and score (encrypted, on their own page); their organisation sees how many gave each band in a month, once the month
/// has ended (its counts no longer change, so two views cannot be subtracted) and with small counts hidden as campaign
/// results are. Low well-being brings supportive nudges; very low, the crisis lines too and a way to ask their
/// supervisor to get in touch — the person decides, because nobody else sees the answers.
/// </summary>
internal sealed class Wellbeing(KithDb db, IQuestionnaires questionnaires, IStaffFacts staff, DeploymentCalendar calendar, IConfiguration configuration)
{
    public const string Instrument = "who-5";
    public static readonly IReadOnlyList<string> Bands = ["likely-depression", "poor", "adequate"];

    public QuestionnaireForm Form(string language) => questionnaires.Form(Instrument, language)!;

    public string ThisMonth => calendar.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public Task<bool> GivenThisMonthAsync(Guid volunteer, CancellationToken ct) =>
        db.WellbeingCheckIns.AnyAsync(c => c.VolunteerId == volunteer && c.Month == ThisMonth, ct);

    public async Task<CheckInOutcome> GiveAsync(Volunteer volunteer, IReadOnlyDictionary<string, string> answers, string language, CancellationToken ct)
    {
        var score = questionnaires.Score(Instrument, answers, language);
        if (score is null) return new(StatusCodes.Status400BadRequest, Problem: "Answer all five questions.");
        var month = ThisMonth;
        if (await GivenThisMonthAsync(volunteer.Id, ct)) return new(StatusCodes.Status409Conflict, Problem: "You have checked in this month already. The next one opens next month.");
        var percentage = (int)(score.Secondary ?? score.Primary * 4);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                db.WellbeingCheckIns.Add(new WellbeingCheckIn
                {
                    Id = Guid.CreateVersion7(calendar.UtcNow), VolunteerId = volunteer.Id, Month = month, GivenAt = calendar.UtcNow,
                    Result = JsonSerializer.Serialize(new Stored(answers.ToDictionary(), (int)score.Primary, percentage, score.Band)),
                });
                await db.SaveChangesAsync(ct);
                // Counted in the database (count + 1), so two helpers checking in at once are both counted.
                var counted = await db.WellbeingTallies.Where(t => t.OrganisationId == volunteer.OrganisationId && t.Month == month && t.Band == score.Band)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.Count, t => t.Count + 1), ct);
                if (counted == 0)
                {
                    db.WellbeingTallies.Add(new WellbeingTally { OrganisationId = volunteer.OrganisationId, Month = month, Band = score.Band, Count = 1 });
                    await db.SaveChangesAsync(ct);
                }
                await transaction.CommitAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A double tap (their check-in is there now), or another helper's first tally row of the month at the same moment: try again.
                db.ChangeTracker.Clear();
                if (await GivenThisMonthAsync(volunteer.Id, ct)) return new(StatusCodes.Status409Conflict, Problem: "You have checked in this month already. The next one opens next month.");
            }
        }
        return new(StatusCodes.Status201Created, percentage, score.Band, score.BandTitle, score.BandMeaning);
    }

    public async Task<IReadOnlyList<PastCheckIn>> HistoryAsync(Guid volunteer, string language, CancellationToken ct)
    {
        var form = questionnaires.Form(Instrument, language);
        var rows = await db.WellbeingCheckIns.AsNoTracking().Where(c => c.VolunteerId == volunteer).Select(c => new { c.Month, c.Result }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Month, StringComparer.Ordinal).Select(r =>
        {
            var stored = JsonSerializer.Deserialize<Stored>(r.Result)!;
            return new PastCheckIn(r.Month, stored.Percentage, stored.Band, questionnaires.Score(Instrument, stored.Answers, language)?.BandTitle ?? stored.Band);
        })];
    }

    /// <summary>The person asks their supervisor (or, without one, the organisation's coordinators) to get in touch: their name goes because they chose so.</summary>
    public async Task AskForContactAsync(Volunteer volunteer, CancellationToken ct)
    {
        var to = new List<string>();
        if (volunteer.SupervisorId is { } s && (await staff.FindAsync([s], ct)).TryGetValue(s, out var supervisor) && supervisor is { Active: true, Email: { Length: > 0 } email })
            to.Add(email);
        else
        {
            var coordinators = await staff.FindAsync(await staff.WithRoleAsync(Roles.Coordinator, ct), ct);
            to.AddRange(coordinators.Values.Where(c => c.Active && c.Organisations.Contains(volunteer.OrganisationId) && c.Email is { Length: > 0 }).Select(c => c.Email!));
        }
        var now = calendar.UtcNow;
        foreach (var address in to.Distinct())
            await Messages.EnqueueAsync(db, new OutgoingMessage(MessageChannel.Email, address, "A helper asked you to get in touch",
                $"{volunteer.Name} asked you to get in touch with them soon, after their monthly check-in. Kith does not show you their answers; ask them how they are.",
                $"volunteers:reach-out:{volunteer.Id}:{ThisMonth}:{address}"), now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The organisation's last ended months, newest first, each with its small counts hidden.</summary>
    public async Task<IReadOnlyList<MonthOfCheckIns>> MonthsAsync(Guid organisation, int months, CancellationToken ct)
    {
        var thisMonth = ThisMonth;
        var tallies = await db.WellbeingTallies.AsNoTracking().Where(t => t.OrganisationId == organisation && string.Compare(t.Month, thisMonth) < 0).ToListAsync(ct);
        // The campaigns' setting (Kith:Screening:MinimumCellSize, never below 5): one rule for every count of people's answers.
        var threshold = Math.Max(5, configuration.GetValue("Kith:Screening:MinimumCellSize", SmallCells.DefaultThreshold));
        return [.. tallies.GroupBy(t => t.Month).OrderByDescending(g => g.Key, StringComparer.Ordinal).Take(months).Select(g =>
        {
            var cells = new int[Bands.Count, 1];
            for (var i = 0; i < Bands.Count; i++) cells[i, 0] = g.Where(t => t.Band == Bands[i]).Sum(t => t.Count);
            var table = SmallCells.Suppress(cells, threshold);
            return new MonthOfCheckIns(g.Key, [.. Bands.Select((b, i) => (b, table.Published(i, 0)))], table.GrandTotal);
        })];
    }

    private sealed record Stored(Dictionary<string, string> Answers, int Raw, int Percentage, string Band);
}
