using System.Security.Claims;
using Kith.Referrals.Domain;

namespace Kith.Referrals;

/// <summary>
/// Which side of a referral a signed-in person acts for: responders and coordinators of the organisation that sent
/// it, or of the one that received it. Someone in both organisations acts for whichever side may take the step.
/// Everyone else — an administrator included — is a third party: may change nothing (an administrator may read).
/// </summary>
internal static class ReferralParties
{
    public static IReadOnlyList<ReferralParty> Of(ClaimsPrincipal user, Referral referral)
    {
        if (!user.IsInRole(Roles.Responder) && !user.IsInRole(Roles.Coordinator)) return [];
        var sides = new List<ReferralParty>(2);
        if (user.BelongsTo(referral.ReceiverOrganisationId)) sides.Add(ReferralParty.Receiver);
        if (user.BelongsTo(referral.RequesterOrganisationId)) sides.Add(ReferralParty.Requester);
        return sides;
    }

    /// <summary>The side the person takes <paramref name="to"/> for, or <see cref="ReferralParty.Other"/> if neither of theirs may.</summary>
    public static ReferralParty For(ClaimsPrincipal user, Referral referral, ReferralStatus to)
    {
        var sides = Of(user, referral);
        if (sides.Count == 0) return ReferralParty.Other;
        return sides.FirstOrDefault(s => ReferralTransitions.MaySet(s, to), sides[0]);
    }

    public static bool MayRead(ClaimsPrincipal user, Referral referral) => Of(user, referral).Count > 0 || user.IsInRole(Roles.Admin);
}
