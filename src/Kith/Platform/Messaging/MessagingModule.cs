using Kith.Platform.Outbox;
using Microsoft.Extensions.Options;

namespace Kith.Platform.Messaging;

/// <summary>Email and SMS for every module: <see cref="Messages.EnqueueAsync"/> in, a carrier per channel out.</summary>
internal static class MessagingModule
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        // A node that would fail every send must not start: the operator sees why at once, not in the outbox.
        const string email = MessagingOptions.Section + ":Email", sms = MessagingOptions.Section + ":Sms";
        services.AddOptions<MessagingOptions>()
            .Bind(configuration.GetSection(MessagingOptions.Section))
            .Validate(o => o.Email.Mode != EmailMode.Smtp || o.Email.HasRelay, $"{email}:Mode is smtp: set {email}:Host and {email}:From.")
            .Validate(o => o.Email.Mode != EmailMode.Smtp || !o.Email.HasRelay || o.Email.HasValidFrom, $"{email}:From is not an email address.")
            .Validate(o => o.Email.Port is > 0 and < 65536 && o.Email.Timeout > TimeSpan.Zero, $"{email}:Port must be 1–65535 and {email}:Timeout positive.")
            .Validate(o => o.Sms.Mode != SmsMode.Http || o.Sms.HasAccount, $"{sms}:Mode is http: set {sms}:AccountSid, {sms}:AuthToken and {sms}:From.")
            .Validate(o => o.Sms.Mode != SmsMode.Http || o.Sms.HasValidBaseUrl, $"{sms}:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.Sms.Timeout > TimeSpan.Zero, $"{sms}:Timeout must be positive.")
            .ValidateOnStart();

        services.AddScoped<DevelopmentSink>();
        services.AddScoped<SmtpRelay>();
        services.AddScoped<SmsGateway>();
        services.AddHttpClient(SmsGateway.ClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Sms.Timeout);
        services.AddKeyedScoped<IMessageSender>(MessageChannel.Email, (sp, _) =>
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Email.Mode == EmailMode.Smtp
                ? sp.GetRequiredService<SmtpRelay>()
                : sp.GetRequiredService<DevelopmentSink>());
        services.AddKeyedScoped<IMessageSender>(MessageChannel.Sms, (sp, _) =>
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Sms.Mode == SmsMode.Http
                ? sp.GetRequiredService<SmsGateway>()
                : sp.GetRequiredService<DevelopmentSink>());
        services.AddScoped<IOutboxHandler, MessageDispatch>();
        return services;
    }
}
