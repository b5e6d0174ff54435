using Kith.Platform.Web;
using Kith.Referrals.Fhir;
using Kith.Referrals.Intake;
using Kith.Referrals.Reading;
using Kith.Referrals.Send;
using Kith.Referrals.Steps;

namespace Kith.Referrals;

/// <summary>
/// Closed-loop referrals between partner organisations (issue 15): sent with consent and only what the person agreed
/// to share, answered within business days by the receiver's intake team (escalated through Responders if not), moved
/// through the HL7 Gravity referral Task states by the side each step belongs to, every change told to the other side.
/// </summary>
internal static class ReferralsModule
{
    internal static readonly NavigationEntry[] Navigation =
    [
        new("Referrals", "People referred between partner organisations: send, answer, follow to the outcome.", "/staff/referrals",
            [Roles.Responder, Roles.Coordinator, Roles.Admin], 12),
    ];

    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStaffNavigation(Navigation);
        services.AddScoped<ReferralTargets>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendReferralsDemo>();
        services.AddScoped<Contracts.IReferralFacts, Contracts.ReferralFactsFromDatabase>();
        services.AddScoped<ReferralNews>();
        services.AddScoped<SendReferral>();
        services.AddScoped<StepReferral>();
        services.AddScoped<ReferralReader>();
        services.AddScoped<Fhir.ReferralFhirEndpoints.Names>();
        services.AddScoped<Kith.Responders.Contracts.ISubjectEscalation, ReferralEscalation>();
        return builder;
    }

    public static WebApplication MapReferrals(this WebApplication app)
    {
        app.MapGroup("/api/referrals").RequireAuthorization(StaffPolicies.Staff).WithTags("Referrals").MapIntakeApi().MapReferralsApi();
        app.MapReferralFhir();
        return app;
    }
}
