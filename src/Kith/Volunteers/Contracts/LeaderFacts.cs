namespace Kith.Volunteers.Contracts;

/// <summary>A training people can be certified in, as other modules may name it.</summary>
internal sealed record TrainingFact(Guid Id, string Name, string Kind);

/// <summary>One of a person's trainings: the last day of the certificate that runs latest.</summary>
internal sealed record CertificateFact(Guid TrainingId, string Training, DateOnly ExpiresOn, int RenewalDays);

/// <summary>A person who helps, as a group's organiser may schedule them: name, role and certificates, nothing else.</summary>
internal sealed record LeaderFact(Guid Id, Guid OrganisationId, string Name, string Role, IReadOnlyList<CertificateFact> Certificates);

/// <summary>Whether people may be scheduled to lead: the refusals (by field "leaders") and what the organiser should know.</summary>
internal sealed record LeaderCheck(IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings);

/// <summary>What the Volunteers module tells others (Groups) about the people who lead and the trainings they hold.</summary>
internal interface ILeaderFacts
{
    /// <summary>The organisation's active people who help, by name.</summary>
    Task<IReadOnlyList<LeaderFact>> OfOrganisationAsync(Guid organisationId, CancellationToken ct);

    /// <summary>The trainings the organisation can require: the deployment's and its own.</summary>
    Task<IReadOnlyList<TrainingFact>> TrainingsForAsync(Guid organisationId, CancellationToken ct);

    /// <summary>
    /// Whether <paramref name="leaders"/> may lead the organisation's sessions from <paramref name="from"/> (the next
    /// session's day) to <paramref name="until"/> (the last one's; none for a rule without an end): each must be an active
    /// person of the organisation and, when a training is required, hold it current on <paramref name="from"/>. A
    /// certificate that ends before <paramref name="until"/> is a warning, not a refusal: it can still be renewed.
    /// </summary>
    Task<LeaderCheck> CheckAsync(Guid organisationId, IReadOnlyCollection<Guid> leaders, Guid? requiredTraining, DateOnly from, DateOnly? until, CancellationToken ct);
}
