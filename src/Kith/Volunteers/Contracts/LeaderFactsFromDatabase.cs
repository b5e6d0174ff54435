using System.Globalization;
using Kith.Platform.Data;
using Kith.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Volunteers.Contracts;

internal sealed class LeaderFactsFromDatabase(KithDb db) : ILeaderFacts
{
    public async Task<IReadOnlyList<LeaderFact>> OfOrganisationAsync(Guid organisationId, CancellationToken ct) =>
        await FactsAsync(db.Volunteers.AsNoTracking().Where(v => v.OrganisationId == organisationId && v.Status == VolunteerStatus.Active), ct);

    public async Task<IReadOnlyList<TrainingFact>> TrainingsForAsync(Guid organisationId, CancellationToken ct) =>
        (await db.Trainings.AsNoTracking().Where(t => t.OrganisationId == null || t.OrganisationId == organisationId)
            .Select(t => new TrainingFact(t.Id, t.Name, t.Kind)).ToListAsync(ct))
        .OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();

    public async Task<LeaderCheck> CheckAsync(Guid organisationId, IReadOnlyCollection<Guid> leaders, Guid? requiredTraining, DateOnly from, DateOnly? until, CancellationToken ct)
    {
        var problems = new List<string>();
        var warnings = new List<string>();
        Training? training = null;
        if (requiredTraining is { } required)
        {
            training = await db.Trainings.AsNoTracking().SingleOrDefaultAsync(t => t.Id == required && (t.OrganisationId == null || t.OrganisationId == organisationId), ct);
            if (training is null) return new(["No training the organisation can require has this id."], warnings);
        }
        if (leaders.Count == 0) return new(problems, warnings);
        var found = (await FactsAsync(db.Volunteers.AsNoTracking().Where(v => leaders.Contains(v.Id) && v.Status == VolunteerStatus.Active), ct)).ToDictionary(l => l.Id);
        foreach (var id in leaders)
        {
            if (!found.TryGetValue(id, out var leader) || leader.OrganisationId != organisationId)
            {
                problems.Add("Choose leaders among your organisation's active people who help.");
                continue;
            }
            if (training is null) continue;
            var held = leader.Certificates.FirstOrDefault(c => c.TrainingId == training.Id);
            if (held is null)
                problems.Add($"{leader.Name} holds no {training.Name} certificate, which this group requires: record one before scheduling them to lead.");
            else if (Certificates.On(from, held.ExpiresOn, training.RenewalDays) == Standing.Lapsed)
                problems.Add($"{leader.Name}'s {training.Name} certificate lapsed on {Day(held.ExpiresOn)}: they cannot be scheduled to lead until it is renewed.");
            else if (until is { } last && held.ExpiresOn < last)
                warnings.Add($"{leader.Name}'s {training.Name} certificate ends on {Day(held.ExpiresOn)}, before the group's last session: renew it in time.");
        }
        return new(problems.Distinct().ToList(), warnings);
    }

    private async Task<List<LeaderFact>> FactsAsync(IQueryable<Volunteer> volunteers, CancellationToken ct)
    {
        var people = await volunteers.Select(v => new { v.Id, v.OrganisationId, v.Name, v.Role }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var held = (await (from c in db.Certifications.AsNoTracking()
                           join t in db.Trainings.AsNoTracking() on c.TrainingId equals t.Id
                           where ids.Contains(c.VolunteerId)
                           select new { c.VolunteerId, c.TrainingId, t.Name, c.ExpiresOn, t.RenewalDays }).ToListAsync(ct))
            .GroupBy(c => (c.VolunteerId, c.TrainingId))
            .Select(g => g.MaxBy(c => c.ExpiresOn)!)
            .ToLookup(c => c.VolunteerId, c => new CertificateFact(c.TrainingId, c.Name, c.ExpiresOn, c.RenewalDays));
        return people.Select(p => new LeaderFact(p.Id, p.OrganisationId, p.Name, p.Role, held[p.Id].OrderBy(c => c.Training).ToList()))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
