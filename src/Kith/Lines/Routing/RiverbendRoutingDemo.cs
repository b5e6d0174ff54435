using Kith.Community.Contracts;
using Kith.Platform.Data;
using Kith.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Routing;

/// <summary>
/// Riverbend's routing (docs/demo.md): the Spanish and Somali lines hold a text for speakers of the texter's language
/// for 3 minutes, the veterans' and farm lines for responders with that skill for 2, then anyone staffing the line.
/// The demo responder texts in English and Spanish, the demo administrator in English and Somali. Adds only what is missing.
/// </summary>
internal sealed class RiverbendRoutingDemo(KithDb db, IStaffFacts staff, TimeProvider time) : IDemoContent
{
    public int Order => 41; // after the lines (40)

    private static readonly (string Slug, StepRule Step)[] Steps =
    [
        ("apoyo-espanol", new(true, null, 180)),
        ("taageerada-soomaali", new(true, null, 180)),
        ("veterans", new(false, "veterans", 120)),
        ("farm-stress", new(false, "farm", 120)),
    ];

    private static readonly (string Email, string Languages, string Skills)[] Profiles =
    [
        ("responder@riverbend.example", "en es", "youth farm"),
        ("admin@riverbend.example", "en so", "veterans"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var (slug, step) in Steps)
            if (await db.Lines.Where(l => l.Slug == slug).Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct) is { } line
                && !await db.LineRoutingSteps.AnyAsync(s => s.LineId == line, ct))
                await RoutingApi.SetStepsAsync(db, line, [step], ct);
        foreach (var (email, languages, skills) in Profiles)
            if (await staff.FindByEmailAsync(email, ct) is { } person && !await db.LineResponderProfiles.AnyAsync(p => p.UserId == person.Id, ct))
                db.LineResponderProfiles.Add(new ResponderProfile { UserId = person.Id, Languages = languages, Skills = skills, UpdatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }
}
