using Kith.Community.Domain;
using Kith.Groups.Domain;
using Kith.Groups.Feedback;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Insights.Evaluation;

/// <summary>
/// Groups evaluated with WHO-5 in two areas and one organisation with no area, written to the Groups module's tables as
/// members' answers land there (a "before" and an "after" sharing a pair hash). The clock stands at 15 October 2026, so
/// 2026-Q3 is the last ended quarter; 2026-Q4's pairs so far must count nowhere.
/// </summary>
public sealed class EvaluationApp : KithApp, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 10, 15, 15, 0, 0, TimeSpan.Zero);
    public FakeTimeProvider Clock { get; } = new(Now);
    /// <summary>Every pair seeded, with its quarter, kind and area name ("" for none).</summary>
    public List<(string Quarter, string Kind, string Area, int Before, int After)> Seeded { get; } = [];

    public EvaluationApp() => Time = Clock;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var north = Area(db, "EV-N", "North Evaluation");
        var south = Area(db, "EV-S", "South Evaluation");
        var (northOrg, southOrg, noArea) = (Organisation(db, "North Hall", north), Organisation(db, "South Hall", south), Organisation(db, "Roaming Circle", null));
        var random = new Random(16);
        void Pairs(string quarter, DateTime after, Guid org, string area, string kind, int count)
        {
            var group = new Group
            {
                Id = Guid.NewGuid(), OrganisationId = org, Name = $"{kind} {quarter}", Kind = kind, Description = "Evaluated.", Facilitators = "Sam",
                FirstStartLocal = after.AddDays(-42), DurationMinutes = 60, Rule = "FREQ=WEEKLY;COUNT=6", Capacity = 40, CreatedAt = after.AddDays(-60), UpdatedAt = after.AddDays(-60),
            };
            db.Groups.Add(group);
            for (var i = 0; i < count; i++)
            {
                var before = 4 * random.Next(3, 19); // WHO-5 percentages are multiples of 4
                var later = Math.Clamp(before + 4 * random.Next(-3, 8), 0, 100);
                var pair = Guid.NewGuid().ToString("N");
                db.GroupOutcomes.Add(new GroupOutcome { Id = Guid.NewGuid(), GroupId = group.Id, Moment = GroupOutcomes.Before, PairHash = pair, Percentage = before, Band = "any", GivenAt = after.AddDays(-42) });
                db.GroupOutcomes.Add(new GroupOutcome { Id = Guid.NewGuid(), GroupId = group.Id, Moment = GroupOutcomes.After, PairHash = pair, Percentage = later, Band = "any", GivenAt = after.AddMinutes(i) });
                Seeded.Add((quarter, kind, area, before, later));
            }
        }
        var august = new DateTime(2026, 8, 12, 17, 0, 0, DateTimeKind.Utc);
        Pairs("2026-Q3", august, northOrg, "North Evaluation", "support-group", 14);
        Pairs("2026-Q3", august, southOrg, "South Evaluation", "workshop", 12);
        Pairs("2026-Q3", august, southOrg, "South Evaluation", "peer-group", 3); // too few: hidden, and another with it
        Pairs("2026-Q3", new DateTime(2026, 9, 30, 20, 0, 0, DateTimeKind.Utc), noArea, "", "walk-and-talk", 11); // 3 pm on 30 September in Riverbend
        Pairs("2026-Q2", new DateTime(2026, 5, 20, 17, 0, 0, DateTimeKind.Utc), northOrg, "North Evaluation", "support-group", 5);
        Pairs("2026-Q4", new DateTime(2026, 10, 5, 17, 0, 0, DateTimeKind.Utc), northOrg, "North Evaluation", "support-group", 3);
        await db.SaveChangesAsync();
    }

    private static Guid Area(KithDb db, string code, string name)
    {
        var area = new Area { Id = Guid.NewGuid(), Code = code, Name = name, Population = 5000, BoundaryGeoJson = "{\"type\":\"Polygon\",\"coordinates\":[]}", UpdatedAt = Now.UtcDateTime };
        db.Areas.Add(area);
        return area.Id;
    }

    private static Guid Organisation(KithDb db, string name, Guid? area)
    {
        var org = new Organisation { Id = Guid.NewGuid(), Name = name, Type = OrganisationType.School, AreaId = area, CreatedAt = Now.UtcDateTime, UpdatedAt = Now.UtcDateTime };
        db.Organisations.Add(org);
        return org.Id;
    }
}
