using Kith.Community.Demo;
using Kith.Tests.Concerns;

namespace Kith.Tests.Insights;

/// <summary>
/// Riverbend with eleven weeks of concerns posted as the public posts them: thirteen a week in one area, three a week in a
/// quiet one, eleven a week in a steady one, and forty in the first area's last complete week — a spike. The clock starts
/// on Monday 7 September 2026, 10 am in Riverbend, and ends on the Monday after the spike week.
/// </summary>
public sealed record SpikeHistory(string Busy, Guid BusyId, string Quiet, string Steady)
{
    public static readonly DateTimeOffset Start = new(2026, 9, 7, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly SpikeWeek = new(2026, 11, 16);

    public static async Task<SpikeHistory> SeedAsync(KithApp app, Action<TimeSpan> advance)
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        var areas = await ConcernData.ReadAsync(app, db => db.Areas.OrderBy(a => a.Code).Select(a => new { a.Id, a.Code }).ToListAsync());
        for (var week = 0; week < 11; week++)
        {
            foreach (var (area, count) in new[] { (areas[0].Id, week == 10 ? 40 : 13), (areas[1].Id, 3), (areas[2].Id, 11) })
                for (var i = 0; i < count; i++) await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine(area: area));
            advance(TimeSpan.FromDays(7));
        }
        return new SpikeHistory(areas[0].Code, areas[0].Id, areas[1].Code, areas[2].Code);
    }
}
