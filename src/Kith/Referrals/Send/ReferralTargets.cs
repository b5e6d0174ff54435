using System.Security.Claims;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Referrals.Send;

/// <summary>
/// The services a person may be referred to from here: active in the directory, run by a partner organisation that
/// takes referrals (it named an intake team), and not the referrer's own organisation's — with the places free and
/// whether it keeps a waiting list, so the referrer can see before sending whether the person will wait.
/// </summary>
internal sealed class ReferralTargets(KithDb db, IDirectoryServices directory)
{
    public async Task<IReadOnlyList<ServiceSuggestion>> ForAsync(ClaimsPrincipal user, string language, CancellationToken ct)
    {
        var receiving = await db.ReferralIntakes.AsNoTracking().Select(i => i.OrganisationId).ToListAsync(ct);
        var mine = user.Organisations();
        // Someone in several organisations may refer from one to another; someone in one never to their own.
        if (mine.Count == 1) receiving.Remove(mine[0]);
        return await directory.RunByAsync(receiving, language, ct);
    }
}
