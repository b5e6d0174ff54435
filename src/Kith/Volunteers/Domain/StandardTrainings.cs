namespace Kith.Volunteers.Domain;

/// <summary>The trainings every deployment has from its first migration (20261206T0400), by their fixed ids.</summary>
internal static class StandardTrainings
{
    public static readonly Guid PsychologicalFirstAid = Guid.Parse("0193a5f0-0000-7000-8000-000000000001");
    public static readonly Guid MentalHealthFirstAid = Guid.Parse("0193a5f0-0000-7000-8000-000000000002");
    public static readonly Guid Qpr = Guid.Parse("0193a5f0-0000-7000-8000-000000000003");
}
