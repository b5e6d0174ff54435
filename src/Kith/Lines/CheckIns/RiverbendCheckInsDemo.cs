using Kith.Lines.Conversations;
using Kith.Platform.Data;
using Kith.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.CheckIns;

/// <summary>
/// Two members on Riverbend's veterans' check-in line (docs/demo.md), with numbers from the 555-01xx fiction range:
/// both confirmed, their first check-in at their next local time — never in the past, so starting the demo sends nothing
/// at once. Adds nothing when the line already has check-ins.
/// </summary>
internal sealed class RiverbendCheckInsDemo(KithDb db, SenderKey senders, TimeProvider time) : IDemoContent
{
    public int Order => 41; // after the lines

    public async Task SeedAsync(CancellationToken ct)
    {
        var line = await db.Lines.AsNoTracking().Where(l => l.Slug == "veterans").Select(l => new { l.Id, l.TimeZone }).SingleOrDefaultAsync(ct);
        if (line is null || await db.LineCheckIns.AnyAsync(c => c.LineId == line.Id, ct)) return;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(line.TimeZone);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (number, minutes, weekdays, every) in new[]
                 { ("+15075550131", 9 * 60, "monday wednesday friday", (int?)null), ("+15075550132", 18 * 60 + 30, "", (int?)2) })
        {
            var checkIn = new CheckIn
            {
                Id = Guid.CreateVersion7(now), LineId = line.Id, Kind = CheckInKinds.CheckIn, SenderHash = senders.Hash(number), Number = number,
                Language = "en", Status = CheckInStatuses.Active, ConsentHow = "verbal on call", ConsentAt = now, ConfirmedAt = now,
                LocalMinutes = minutes, Weekdays = weekdays, EveryDays = every, CreatedAt = now, UpdatedAt = now,
            };
            checkIn.NextDueAt = CheckInSchedule.Next(checkIn, zone, now);
            db.LineCheckIns.Add(checkIn);
        }
        await db.SaveChangesAsync(ct);
    }
}
