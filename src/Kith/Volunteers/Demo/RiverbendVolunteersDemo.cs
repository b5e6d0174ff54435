using Kith.Community.Contracts;
using Kith.Platform.Data;
using Kith.Platform.Demo;
using Kith.Platform.Security;
using Kith.Platform.Time;
using Kith.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Volunteers.Demo;

/// <summary>
/// Riverbend's people who help (issue 15, item 7): the clinic's peer leaders of the grief pods, with psychological first aid
/// certificates — Carol's expiring soon, Abdi's lapsed (so Kith will not schedule him to lead until he renews) — the
/// county's PFA trainer, the veterans' hall's ambassador and the senior centre's walk leader. Casey, the clinic's demo
/// coordinator, supervises the clinic's leaders and has written one supervision note. Dates count from today, so the
/// standings hold whenever the demo is seeded. Only when there are none yet; before the groups (which schedule them).
/// </summary>
internal sealed class RiverbendVolunteersDemo(KithDb db, ICommunityFacts community, IStaffFacts staff, VolunteerCode codes, DeploymentCalendar calendar) : IDemoContent
{
    public int Order => 50;

    /// <summary>Name, organisation, role, training and how many days from today the certificate's last day is (negative: lapsed).</summary>
    internal static readonly IReadOnlyList<(string Name, string Organisation, string Role, Guid Training, int EndsInDays)> People =
    [
        ("Joe", "Riverbend Community Clinic", VolunteerRoles.LayLeader, StandardTrainings.PsychologicalFirstAid, 600),
        ("Carol", "Riverbend Community Clinic", VolunteerRoles.LayLeader, StandardTrainings.PsychologicalFirstAid, 18),
        ("Hodan", "Riverbend Community Clinic", VolunteerRoles.LayLeader, StandardTrainings.PsychologicalFirstAid, 420),
        ("Abdi", "Riverbend Community Clinic", VolunteerRoles.LayLeader, StandardTrainings.PsychologicalFirstAid, -12),
        ("Amina Yusuf", "County Public Health", VolunteerRoles.LayLeader, StandardTrainings.PsychologicalFirstAid, 900),
        ("Gary", "Riverbend Veterans' Hall", VolunteerRoles.Ambassador, StandardTrainings.MentalHealthFirstAid, 300),
        ("Marlene", "Riverside Senior Centre", VolunteerRoles.Volunteer, StandardTrainings.PsychologicalFirstAid, 200),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Volunteers.AnyAsync(ct)) return;
        var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Name, o => o.Id);
        var casey = await staff.FindByEmailAsync("coordinator@riverbend.example", ct);
        var trainings = await db.Trainings.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var now = calendar.UtcNow;
        var today = calendar.Today;
        foreach (var (name, organisation, role, training, endsIn) in People)
        {
            if (!organisations.TryGetValue(organisation, out var org)) continue; // the community part made them
            var volunteer = new Volunteer
            {
                Id = Guid.CreateVersion7(now), OrganisationId = org, Name = name, Role = role, ContactRoute = "none", Status = VolunteerStatus.Active,
                SupervisorId = casey is not null && casey.Organisations.Contains(org) ? casey.Id : null,
                CodeHash = codes.Hash(PrivateCode.Generate()), // a coordinator gives them a fresh one from their page
                CreatedAt = now, UpdatedAt = now,
            };
            db.Volunteers.Add(volunteer);
            var expires = today.AddDays(endsIn);
            db.Certifications.Add(new Certification
            {
                Id = Guid.CreateVersion7(now), VolunteerId = volunteer.Id, TrainingId = training, ExpiresOn = expires,
                CompletedOn = expires.AddDays(1).AddMonths(-trainings[training].ValidMonths), RecordedAt = now,
            });
            if (name == "Joe" && volunteer.SupervisorId is { } supervisor)
                db.SupervisionNotes.Add(new SupervisionNote
                {
                    Id = Guid.CreateVersion7(now), VolunteerId = volunteer.Id, SupervisorId = supervisor, WrittenAt = now,
                    Text = "Monthly supervision. Joe finds the spouse pod rewarding and tiring; we agreed he co-leads with Amina and takes a week off after the tenth session.",
                });
        }
        await db.SaveChangesAsync(ct);
    }
}
