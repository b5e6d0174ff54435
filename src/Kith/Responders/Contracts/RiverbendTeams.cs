namespace Kith.Responders.Contracts;

/// <summary>The Riverbend demo's teams: Responders seeds them, other modules' demo content finds them by these names.</summary>
internal static class RiverbendTeams
{
    public const string School = "Riverbend High School safety team";
    public const string County = "County crisis team";
    /// <summary>The clinic's referral intake: it answers referrals from partners (Referrals' demo names it the clinic's intake team).</summary>
    public const string ClinicIntake = "Riverbend Community Clinic intake";
}
