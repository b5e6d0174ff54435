namespace Kith.Referrals.Domain;

/// <summary>
/// A referral's status: the FHIR R4 Task status subset the HL7 Gravity SDOH Clinical Care guide uses for a referral
/// Task. The codes are FHIR's, so the stored value, the API and <c>/fhir/Task/{id}</c> all say the same thing.
/// </summary>
internal enum ReferralStatus
{
    Requested,
    Accepted,
    Rejected,
    Cancelled,
    InProgress,
    OnHold,
    Completed,
    Failed,
    EnteredInError,
}

/// <summary>Which side of a referral a person acts for: the organisation that sent it, the one that received it, or neither.</summary>
internal enum ReferralParty
{
    Requester,
    Receiver,
    Other,
}

internal static class ReferralStatusCodes
{
    private static readonly CodeList<ReferralStatus> Codes = new(new Dictionary<ReferralStatus, string>
    {
        [ReferralStatus.Requested] = "requested",
        [ReferralStatus.Accepted] = "accepted",
        [ReferralStatus.Rejected] = "rejected",
        [ReferralStatus.Cancelled] = "cancelled",
        [ReferralStatus.InProgress] = "in-progress",
        [ReferralStatus.OnHold] = "on-hold",
        [ReferralStatus.Completed] = "completed",
        [ReferralStatus.Failed] = "failed",
        [ReferralStatus.EnteredInError] = "entered-in-error",
    });

    public static IReadOnlyCollection<string> All => Codes.All;

    /// <summary>The FHIR code (<c>in-progress</c>, <c>entered-in-error</c> …).</summary>
    public static string Code(this ReferralStatus status) => Codes.Code(status);

    public static bool TryParse(string? code, out ReferralStatus status) => Codes.TryParse(code, out status);

    /// <summary>Nothing more happens to a referral in these states (bar marking it entered in error).</summary>
    public static bool IsClosed(this ReferralStatus status) =>
        status is ReferralStatus.Rejected or ReferralStatus.Cancelled or ReferralStatus.Completed or ReferralStatus.Failed or ReferralStatus.EnteredInError;
}
