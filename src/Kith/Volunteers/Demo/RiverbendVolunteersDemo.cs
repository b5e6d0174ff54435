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
/// coordinator, supervises the clinic's leaders and has written one supervision note; three organisations offer ways to
/// help on the public volunteer page. Dates count from today, so the
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
        foreach (var (organisation, title, description, commitment, role, training) in Offers)
            if (organisations.TryGetValue(organisation, out var org))
                db.Opportunities.Add(new Opportunity
                {
                    Id = Guid.CreateVersion7(now), OrganisationId = org, Title = title, Description = description, Commitment = commitment, Role = role,
                    TrainingId = training, CreatedAt = now, UpdatedAt = now,
                });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What Riverbend's organisations ask people to help with, on the public /volunteer page.</summary>
    private static readonly IReadOnlyList<(string Organisation, string Title, string Description, string Commitment, string Role, Guid? Training)> Offers =
    [
        ("Riverside Senior Centre", "Walk leader in Riverside Park", "Lead the Monday, Wednesday or Friday walk by the river: set the pace, notice who is quiet, and keep the group together. We pair you with Marlene for your first month.",
            "One morning a week", VolunteerRoles.Volunteer, StandardTrainings.PsychologicalFirstAid),
        ("Riverbend Community Clinic", "Grief pod peer leader", "Co-lead a grief pod with a counsellor after your own loss has had time to settle: welcome people, keep time, and check in between sessions.",
            "Ninety minutes a week for ten weeks", VolunteerRoles.LayLeader, StandardTrainings.PsychologicalFirstAid),
        ("Riverbend Veterans' Hall", "Veterans' coffee host", "Open the hall on Saturday mornings, put the coffee on and make newcomers welcome. Veterans and their families especially.",
            "Two Saturday mornings a month", VolunteerRoles.Ambassador, StandardTrainings.MentalHealthFirstAid),
    ];
}
