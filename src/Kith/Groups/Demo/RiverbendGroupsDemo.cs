using Kith.Groups.Domain;
using Kith.Platform.Data;
using Kith.Platform.Demo;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Contracts;
using Kith.Volunteers.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Demo;

/// <summary>
/// Riverbend's groups (issue 15, item 7): grief pods by kind of loss, the veterans' coffee group, the emotional-preparedness
/// workshop, psychological first aid training for lay leaders (the grief pods and the training require their leaders' PFA
/// certificate, and schedule the people the Volunteers demo made), the walk-and-talk and the library's therapy-dog hours. The
/// directory part of the demo already lists each as a service; a group takes over its listing (same name, same
/// organisation), on the same days and hours, so Find help shows one entry and a coordinator's later changes publish
/// onto it. Sessions start on the next right weekday. Only when there are none yet.
/// </summary>
internal sealed class RiverbendGroupsDemo(KithDb db, ICommunityFacts community, IDirectoryListings directory, DeploymentCalendar calendar,
    IConfiguration configuration, ILeaderFacts leaders) : IDemoContent
{
    /// <summary>The deployment's standard psychological first aid training (Volunteers' first migration), which the grief pods require of their leaders.</summary>
    private static readonly Guid PsychologicalFirstAid = Guid.Parse("0193a5f0-0000-7000-8000-000000000001");

    public int Order => 55; // after the directory (10)

    private sealed record Seed(string Organisation, string Place, string Name, string Kind, string? Focus, string Description, string Facilitators,
        string[] Needs, DayOfWeek Day, int Hour, int Minute, int Minutes, string? Rule, int Capacity, string Language = "en",
        string[]? Leaders = null, bool NeedsPfa = false);

    /// <summary>Each as the directory's demo lists it (organisation, place, name, days and hours).</summary>
    internal static readonly IReadOnlyList<string> Names = [.. Groups().Select(g => g.Name)];

    private static IEnumerable<Seed> Groups() =>
    [
        new("Riverbend Community Clinic", "Riverside Senior Centre", "Grief pod: loss of a spouse or partner", "support-group", "Loss of a husband, wife or partner",
            "Six to eight people who lost a partner meet for ten weeks with a trained facilitator; between sessions, members check on each other.",
            "Amina (counsellor) and Joe (peer leader)", ["grief", "peer-support"], DayOfWeek.Tuesday, 14, 0, 90, "FREQ=WEEKLY;BYDAY=TU;COUNT=10", 8,
            Leaders: ["Joe"], NeedsPfa: true),
        new("Riverbend Community Clinic", "Riverbend Community Clinic", "Grief pod: loss of a parent", "support-group", "Adults who lost a mother or father",
            "For adults grieving a parent: ten evenings with the same few people, and practical help with the months after a death.",
            "Ruth (counsellor)", ["grief", "peer-support"], DayOfWeek.Monday, 18, 0, 90, "FREQ=WEEKLY;BYDAY=MO;COUNT=10", 8),
        new("Riverbend Community Clinic", "Riverbend Public Library", "Grief pod: loss of a child", "support-group", "Parents and grandparents whose child died, at any age",
            "For parents whose son or daughter has died, including adult children; twice a month, with a facilitator who has lived this loss.",
            "Carol (peer facilitator) and Ruth (counsellor)", ["grief", "peer-support"], DayOfWeek.Thursday, 18, 30, 90, "FREQ=MONTHLY;BYDAY=1TH,3TH;COUNT=10", 8,
            Leaders: ["Carol"], NeedsPfa: true),
        new("Riverbend Community Clinic", "Riverbend Public Library", "Grief pod: loss of a friend", "support-group", "Losing a friend, including a classmate",
            "Teens and adults grieving a friend meet after school for ten weeks.", "Hodan (peer leader)",
            ["grief", "peer-support", "youth"], DayOfWeek.Wednesday, 16, 0, 90, "FREQ=WEEKLY;BYDAY=WE;COUNT=10", 8, Leaders: ["Hodan"], NeedsPfa: true),
        new("Riverbend Veterans' Hall", "Riverbend Veterans' Hall", "Veterans' coffee group", "peer-group", "Veterans and their partners",
            "Coffee, doughnuts and conversation every Saturday morning. No agenda: come once or every week.", "Gary (Army, retired) and volunteers",
            ["veterans", "peer-support"], DayOfWeek.Saturday, 8, 0, 120, "FREQ=WEEKLY;BYDAY=SA", 40, Leaders: ["Gary"]),
        new("County Public Health", "Riverside Senior Centre", "Emotional-preparedness workshop", "workshop", "Before the next fire, flood or layoff",
            "Two hours on what stress does to body and mind, how to support children through a disaster, and how to make a family plan.",
            "County Public Health staff", ["training", "wellbeing"], DayOfWeek.Saturday, 10, 0, 120, "FREQ=MONTHLY;BYDAY=2SA;COUNT=6", 30),
        new("County Public Health", "Riverbend County Government Center", "Psychological first aid training for lay leaders", "training", "Lay leaders, faith leaders and ambassadors",
            "A day of psychological first aid: notice distress, listen, keep someone safe and connect them to help. Certificate valid for two years.",
            "Amina Yusuf (trainer)", ["training"], DayOfWeek.Thursday, 9, 0, 420, "FREQ=MONTHLY;BYDAY=3TH;COUNT=6", 20,
            Leaders: ["Amina Yusuf"], NeedsPfa: true),
        new("Riverside Senior Centre", "Riverside Park pavilion", "Walk-and-talk in Riverside Park", "walk-and-talk", "Older residents and anyone who likes a gentle walk",
            "An hour's walk by the river with a trained listener; benches on the way; cancelled in storms.", "Marlene and volunteers",
            ["wellbeing", "older-adults"], DayOfWeek.Monday, 9, 30, 60, "FREQ=WEEKLY;BYDAY=MO,WE,FR", 15, Leaders: ["Marlene"]),
        new("Riverbend Public Library", "Riverbend Public Library", "Therapy-dog hours at the library", "drop-in", "Reading and quiet time with a therapy dog",
            "Drop in to sit, read or talk with a certified therapy dog and its handler. Children welcome with an adult.", "Dana and Biscuit",
            ["wellbeing", "youth"], DayOfWeek.Saturday, 10, 0, 120, "FREQ=WEEKLY;BYDAY=SA", 12),
        // Not in the directory's demo: published by the group itself. It meets at a confidential shelter, so its address
        // appears nowhere — not on its page, its calendars, its reminders or the directory (ConfidentialScanTests).
        new("St. Mary's Parish", "St. Mary's Family Shelter", "Parents' circle at the family shelter", "peer-group", "Parents staying at the shelter",
            "Parents meet over supper while volunteers play with the children. Spanish and English.", "Rosa and Luz",
            ["peer-support", "housing"], DayOfWeek.Thursday, 18, 0, 90, "FREQ=WEEKLY;BYDAY=TH", 12, "es"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Groups.AnyAsync(ct)) return;
        var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Name, o => o.Id);
        var now = calendar.UtcNow;
        var today = calendar.Today;
        var origin = configuration["Kith:Concerns:PublicBaseUrl"] ?? "http://localhost:5080";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var seed in Groups())
        {
            if (!organisations.TryGetValue(seed.Organisation, out var organisation)) continue; // the community part made them
            var listed = await directory.ServicesOfAsync(organisation, ct);
            var place = await PlaceAsync(seed.Place, ct);
            var days = ((int)seed.Day - (int)today.DayOfWeek + 7) % 7;
            var first = today.AddDays(days == 0 ? 7 : days); // the next such weekday, never today (its hour may have passed)
            if (seed.Rule?.Contains("MONTHLY", StringComparison.Ordinal) == true) first = NthWeekday(first, seed.Rule);
            var group = new Group
            {
                Id = Guid.CreateVersion7(now), OrganisationId = organisation, Name = seed.Name, Kind = seed.Kind, Focus = seed.Focus,
                Description = seed.Description, Facilitators = seed.Facilitators, Needs = string.Join(' ', seed.Needs), LocationId = place,
                VideoUrl = place is null ? "https://meet.riverbend.example/groups" : null,
                FirstStartLocal = first.ToDateTime(new TimeOnly(seed.Hour, seed.Minute)), DurationMinutes = seed.Minutes, Rule = seed.Rule,
                Capacity = seed.Capacity, Language = seed.Language, CreatedAt = now, UpdatedAt = now,
                ServiceId = listed.GetValueOrDefault(seed.Name), // the directory's listing of it (its next save publishes onto it)
                RequiredTrainingId = seed.NeedsPfa ? PsychologicalFirstAid : null,
            };
            db.Groups.Add(group);
            var people = (await leaders.OfOrganisationAsync(organisation, ct)).ToDictionary(l => l.Name, l => l.Id);
            foreach (var leader in seed.Leaders ?? [])
                if (people.TryGetValue(leader, out var volunteer)) db.GroupLeaders.Add(new GroupLeader { GroupId = group.Id, VolunteerId = volunteer });
            group.ServiceId ??= await directory.PublishAsync(new GroupListing(null, organisation, group.Name, group.Description, seed.Needs,
                group.LocationId, group.VideoUrl is not null, group.Language, group.Rule, group.FirstStartLocal, group.DurationMinutes, group.Capacity,
                true, $"{origin.TrimEnd('/')}/groups/{group.Id}", "Riverbend demo", "groups@riverbend.example"), ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The first day after <paramref name="from"/> that a monthly BYDAY=nXX(,nXX) rule gives (its first session).</summary>
    private static DateOnly NthWeekday(DateOnly from, string rule)
    {
        var byDays = rule.Split(';').First(p => p.StartsWith("BYDAY=", StringComparison.Ordinal))[6..].Split(',');
        var best = DateOnly.MaxValue;
        foreach (var byDay in byDays)
        {
            var n = byDay[0] - '0';
            var day = byDay[1..] switch { "MO" => DayOfWeek.Monday, "TU" => DayOfWeek.Tuesday, "WE" => DayOfWeek.Wednesday, "TH" => DayOfWeek.Thursday, "FR" => DayOfWeek.Friday, "SA" => DayOfWeek.Saturday, _ => DayOfWeek.Sunday };
            for (var month = new DateOnly(from.Year, from.Month, 1); ; month = month.AddMonths(1))
            {
                var date = month.AddDays(((int)day - (int)month.DayOfWeek + 7) % 7 + 7 * (n - 1));
                if (date > from) { if (date < best) best = date; break; }
            }
        }
        return best;
    }
    /// <summary>A demo place by its name in the directory (any organisation's: a group may meet in a partner's hall).</summary>
    private async Task<string?> PlaceAsync(string name, CancellationToken ct)
    {
        foreach (var organisation in await community.OrganisationsAsync(ct))
            if ((await directory.PlacesOfAsync(organisation.Id, ct)).FirstOrDefault(p => p.Name == name) is { } place) return place.LocationId;
        return null;
    }
}
