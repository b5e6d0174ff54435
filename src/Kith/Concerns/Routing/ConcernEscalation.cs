using Kith.Concerns.Domain;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Routing;

/// <summary>
/// Tells Responders' deadline checks whether a concern still waits: not acknowledged, not closed, still at the
/// step the check was scheduled for. The concern is tracked, so the step it reaches commits with the pages, and
/// its revision (a concurrency token) lets an acknowledgement at the same moment win.
/// </summary>
internal sealed class ConcernEscalation(KithDb db, Platform.Observability.KithMetrics metrics) : ISubjectEscalation
{
    public string Kind => ConcernSubjects.Kind;

    public async Task<IEscalatingSubject?> WaitingAtAsync(Guid id, int level, CancellationToken ct)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (concern is null || concern.AcknowledgedAt is not null || concern.ClosedAt is not null || concern.EscalationLevel != level)
            return null;
        return new Waiting(concern, metrics);
    }

    private sealed class Waiting(Concern concern, Platform.Observability.KithMetrics metrics) : IEscalatingSubject
    {
        public Subject Subject => ConcernSubjects.Of(concern);
        public Guid? TeamId => concern.TeamId;
        public DateTime AcknowledgeBy => concern.AcknowledgeBy;

        public PageText Wording(string alertKind, string link) => ConcernSubjects.Wording(concern, alertKind)(link);

        public void Reached(int level, DateTime acknowledgeBy, DateTime nowUtc)
        {
            concern.EscalationLevel = level;
            concern.AcknowledgeBy = acknowledgeBy;
            concern.UpdatedAt = nowUtc;
            concern.Revision++;
        }

        public void Escalated(int level) => metrics.ConcernsEscalated.Add(1, new("tier", concern.Tier), new("level", level));
    }
}
