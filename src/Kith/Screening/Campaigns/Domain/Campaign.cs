namespace Kith.Screening.Campaigns.Domain;

/// <summary>Where a campaign is in its life, on the deployment's calendar.</summary>
internal enum CampaignPhase { NotOpenYet, Open, Closed }

/// <summary>
/// A screening campaign: an organisation asks a group of people (a school's grades, a workplace's sites) to
/// answer a set of instruments anonymously, through a public link. Staff see only aggregates by group.
/// </summary>
internal sealed class Campaign
{
    public Guid Id { get; set; }
    /// <summary>The public code in the link (<c>/s/{code}</c>), random and unguessable (<see cref="CampaignCode"/>).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? AreaId { get; set; }
    /// <summary>Who it is for, in the coordinator's words ("Grades 9–12").</summary>
    public required string Audience { get; set; }
    /// <summary>Instrument ids in the order participants answer them, space-separated.</summary>
    public required string Instruments { get; set; }
    /// <summary>The groups a participant chooses from, one per line, in order.</summary>
    public required string Groups { get; set; }
    /// <summary>First and last day it takes answers (deployment-local days, inclusive).</summary>
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public DateTime? ClosedEarlyAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> InstrumentIds => Instruments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<string> GroupNames => Groups.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public CampaignPhase PhaseOn(DateOnly today) =>
        ClosedEarlyAt is not null || today > ClosesOn ? CampaignPhase.Closed
        : today < OpensOn ? CampaignPhase.NotOpenYet
        : CampaignPhase.Open;
}
