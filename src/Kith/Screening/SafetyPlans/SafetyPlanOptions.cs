namespace Kith.Screening.SafetyPlans;

/// <summary><c>Kith:SafetyPlans</c>.</summary>
internal sealed class SafetyPlanOptions
{
    /// <summary>How long a share code works unless the person stops sharing sooner.</summary>
    public int ShareDays { get; set; } = 30;
    /// <summary>A plan nobody has opened or saved for this long is deleted.</summary>
    public int KeepMonths { get; set; } = 24;
}

/// <summary>A safety plan's code (the owner's, or a share code): a <see cref="Platform.Security.PrivateCode"/> with its own key-ring secret.</summary>
internal sealed class PlanCode(byte[] key) : Platform.Security.PrivateCode(key);
