using Kith.Lines.Admin;
using Kith.Lines.CannedResponses;
using Kith.Lines.Console;
using Kith.Lines.CheckIns;
using Kith.Lines.Conversations;
using Kith.Lines.Queue;
using Kith.Lines.Routing;
using Kith.Lines.Sms;
using Kith.Lines.WebChat;
using Kith.Platform.Messaging;
using Kith.Platform.Outbox;
using Kith.Platform.Security;
using Kith.Platform.Web;
using Microsoft.Extensions.Options;

namespace Kith.Lines;

/// <summary>
/// Text lines (ADR 34): lines configured by administrators, conversations and messages from SMS (and later web chat)
/// through channel adapters, assessed with the shared risk lexicon, answered by Responders' teams.
/// </summary>
internal static class LinesModule
{
    /// <summary>This module's staff navigation (English texts are also the translation keys, shown on the console page).</summary>
    internal static readonly NavigationEntry[] Navigation =
    [
        new("Text lines", "Texts waiting for a responder: help the next person, reply, close.", "/staff/lines", [Roles.Responder, Roles.Admin], 11),
    ];

    public static WebApplicationBuilder AddLines(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // A node that takes SMS webhooks must be able to tell the provider's from a forger's: without the token and the
        // public address the signature is computed over, it does not start (the operator sees why at once).
        const string sms = LineOptions.Section + ":Sms";
        services.AddOptions<LineOptions>()
            .Bind(builder.Configuration.GetSection(LineOptions.Section))
            .Validate(o => !o.Sms.Enabled || !string.IsNullOrWhiteSpace(o.Sms.AuthToken),
                $"{sms}:Enabled is true: set {sms}:AuthToken (the provider's auth token, which signs every webhook).")
            .Validate(o => !o.Sms.Enabled || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"),
                $"{sms}:Enabled is true: set {LineOptions.Section}:PublicBaseUrl to the absolute address the provider calls (signatures are computed over it).")
            .ValidateOnStart();
        services.AddStaffNavigation(Navigation);
        services.AddScoped<LineEditor>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendLinesDemo>();

        // The sender's number is kept as a keyed hash; the key lives in the key ring, outside the database.
        services.AddSecret("line-senders", key => new SenderKey(key));
        services.AddScoped<Contracts.ITextOptOuts, Contracts.TextOptOutsFromDatabase>();
        services.AddScoped<TextsOut>();
        services.AddScoped<CrisisText>();
        services.AddScoped<ConversationAlerts>();
        services.AddScoped<ConversationNews>();
        services.AddScoped<ReceiveText>();
        services.AddScoped<DeliveryStatus>();
        services.AddSingleton<TwilioSignature>();
        services.AddScoped<IOutboxHandler, SmsDispatch>();
        services.AddScoped<TwilioSmsChannel>();
        services.AddScoped<DevelopmentSmsChannel>();
        services.AddScoped<HelpNext>();
        services.AddScoped<ConversationWork>();
        services.AddLineRouting();
        // Nobody is dropped: conversations escalate like concerns, and roll over to the backup line.
        services.AddScoped<Kith.Responders.Contracts.ISubjectEscalation, Escalation.ConversationEscalation>();
        services.AddScoped<Escalation.Rollover>();
        services.AddScoped<IOutboxHandler, Escalation.RolloverDue>();
        services.AddScoped<Kith.Platform.Jobs.IRecurringJob, Retention.PurgeClosedConversations>();
        services.AddScoped<Console.ConversationReader>();
        services.AddScoped<Console.LineQueue>();
        services.AddScoped<Console.ConversationSearch>();
        // Check-ins and caring contacts (ADR 38): due texts made by one leased job, each sent once through the outbox.
        services.AddScoped<CheckIns.MemberTexts>();
        services.AddScoped<CheckIns.Enrolments>();
        services.AddScoped<CheckIns.CheckInQueue>();
        services.AddScoped<CheckIns.CheckInAnswers>();
        services.AddScoped<Kith.Platform.Jobs.IRecurringJob, CheckIns.CheckInsDue>();
        services.AddScoped<IOutboxHandler, CheckIns.CheckInDispatch>();
        services.AddScoped<Contracts.ICheckInFacts, Contracts.CheckInFacts>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, RiverbendCheckInsDemo>();
        services.AddScoped<Contracts.IConversationFacts, Contracts.ConversationFactsFromDatabase>();
        services.AddScoped<Referrals.ReferralText>();
        services.AddScoped<WebChat.VisitorChat>();
        services.AddScoped<ISmsChannel>(sp => sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Sms.Mode == SmsMode.Http
            ? sp.GetRequiredService<TwilioSmsChannel>()
            : sp.GetRequiredService<DevelopmentSmsChannel>());
        return builder;
    }

    public static WebApplication MapLines(this WebApplication app)
    {
        app.MapGroup("/api/lines").RequireAuthorization(StaffPolicies.Admin).WithTags("Lines").MapLinesAdminApi().MapCannedResponsesApi();
        app.MapGroup("/api/lines").RequireAuthorization(StaffPolicies.Responder).WithTags("Lines").MapQueueApi().MapTypingApi();
        app.MapGroup("/api/lines").RequireAuthorization(StaffPolicies.Responder).WithTags("Lines").MapCheckInsApi();
        app.MapLineRouting();
        app.MapSmsWebhooks();
        app.MapWebChat();
        return app;
    }
}
