using Kith.Platform.Data;
using Kith.Platform.Demo;
using Kith.Platform.Time;
using Kith.Screening.Campaigns.Domain;
using Kith.Screening.Domain;
using Kith.Screening.Instruments;
using Kith.Screening.Responses;
using Kith.Screening.Safety;
using Kith.Screening.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Kith.Screening.Demo;

/// <summary>
/// The screening part of the Riverbend demo: the high school's "Spring well-being check" (PHQ-A then GAD-7,
/// grades 9–12, open from a week ago for three more weeks), with anonymous answers from the past six days —
/// enough in grades 9–11 that some counts show, and so few in grade 12 that all of it is hidden. Answers are
/// made up from a fixed seed and scored by the real engine, so bands and flags are what a student would get.
/// Adds the campaign only if it is missing.
/// </summary>
internal sealed class RiverbendScreeningDemo(KithDb db, ICommunityFacts community, InstrumentLibrary library,
    DeploymentCalendar calendar, SafetyFollowUp safety) : IDemoContent
{
    public const string CampaignName = "Spring well-being check";
    private static readonly (string Group, int Participants)[] Grades = [("Grade 9", 46), ("Grade 10", 33), ("Grade 11", 24), ("Grade 12", 6)];

    public int Order => 30;

    public async Task SeedAsync(CancellationToken ct)
    {
        var school = (await community.OrganisationsAsync(ct)).FirstOrDefault(o => o.Name == "Riverbend High School");
        var instruments = new[] { "phq-a", "gad-7" }.Select(library.Find).OfType<Instrument>().ToList();
        if (school is null || instruments.Count == 0) return;
        if (await db.ScreeningCampaigns.AnyAsync(c => c.OrganisationId == school.Id && c.Name == CampaignName, ct)) return;

        // The campaign and its answers land together: a start interrupted halfway leaves no campaign whose presence would
        // stop the next seed from adding the answers it lacks. One commit also costs less than 218.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = calendar.UtcNow;
        var today = calendar.Today;
        var campaign = new Campaign
        {
            Id = Guid.CreateVersion7(now), Code = CampaignCode.Generate(), Name = CampaignName, OrganisationId = school.Id,
            AreaId = school.AreaId, Audience = "Students in grades 9–12",
            Instruments = string.Join(' ', instruments.Select(i => i.Id)), Groups = string.Join('\n', Grades.Select(g => g.Group)),
            OpensOn = today.AddDays(-7), ClosesOn = today.AddDays(21), CreatedBy = "demo", CreatedAt = now, UpdatedAt = now,
        };
        db.ScreeningCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);

        var random = new Random(2026);
        var clock = new DemoClock();
        var record = new RecordResponse(db, clock, safety);
        foreach (var (group, participants) in Grades)
            for (var p = 0; p < participants; p++)
            {
                // Each made-up student answers every questionnaire at one moment on one of the past six days.
                var day = today.AddDays(-1 - random.Next(6));
                clock.Now = calendar.ToUtc(day.ToDateTime(new TimeOnly(8 + random.Next(8), random.Next(60))));
                var distress = random.NextDouble() * random.NextDouble();
                var context = new ResponseContext(ResponseChannels.Campaign, "en", campaign.AreaId, school.Id, campaign.Id, group, CampaignName);
                foreach (var instrument in instruments)
                    await record.RecordAsync(instrument, Answers(instrument, random, distress), context, ct);
            }
        await transaction.CommitAsync(ct);
    }

    /// <summary>A plausible set of answers: each asked item drawn towards the student's level of distress.</summary>
    private static Dictionary<string, string> Answers(Instrument instrument, Random random, double distress)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in instrument.Items)
        {
            if (!InstrumentScoring.IsAsked(instrument, item, answers)) continue;
            var options = instrument.OptionsOf(item).OrderBy(o => o.Weight).ToList();
            var position = Math.Clamp((int)Math.Round((distress + (random.NextDouble() - 0.5) * 0.5) * (options.Count - 1)), 0, options.Count - 1);
            answers[item.Id] = (item.Reversed ? options[options.Count - 1 - position] : options[position]).Code;
        }
        return answers;
    }

    private sealed class DemoClock : TimeProvider
    {
        public DateTime Now { get; set; }
        public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);
    }
}
