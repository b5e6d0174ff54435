using Kith.Lines.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kith.Lines.Sms;

/// <summary>
/// The SMS adapter's webhooks (Twilio-compatible): inbound texts and delivery callbacks, form-encoded, unknown parameters
/// accepted. Every request must carry a valid <c>X-Twilio-Signature</c>: missing → 400, wrong → 403, nothing stored.
/// Off (404) until <c>Kith:Lines:Sms:Enabled</c>.
/// </summary>
internal static class SmsEndpoints
{
    public const string InboundPath = "/api/lines/sms/inbound";
    public const string StatusPath = "/api/lines/sms/status";

    public static IEndpointRouteBuilder MapSmsWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(InboundPath, InboundAsync).AllowAnonymous().DisableAntiforgery().WithTags("Lines")
            .WithName("ReceiveLineSms").WithSummary("Twilio's inbound-message webhook; answers TwiML.")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded")
            .Produces<string>(StatusCodes.Status200OK, TwiML.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapPost(StatusPath, StatusAsync).AllowAnonymous().DisableAntiforgery().WithTags("Lines")
            .WithName("LineSmsStatus").WithSummary("Twilio's delivery-status callback for a line's outgoing text.")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> InboundAsync(
        HttpRequest request, IOptions<LineOptions> options, TwilioSignature signature, ReceiveText receive, IServiceScopeFactory scopes, CancellationToken ct)
    {
        if (await CheckAsync(request, options, signature, ct) is { } refused) return refused;
        var form = await request.ReadFormAsync(ct);
        var text = new InboundText(form["MessageSid"].ToString(), form["From"].ToString(), form["To"].ToString(), form["Body"].ToString());
        for (var attempt = 1; ; attempt++)
        {
            // Texts from one person at once (a long message split in parts) all change their conversation: one that finds
            // it changed under it is received again in a fresh unit of work, not lost with a 500 (the provider does not resend).
            await using var scope = attempt == 1 ? (AsyncServiceScope?)null : scopes.CreateAsyncScope();
            try
            {
                var reply = await (scope?.ServiceProvider.GetRequiredService<ReceiveText>() ?? receive).ReceiveAsync(text, ct);
                return TypedResults.Content(TwiML.Response(reply), TwiML.ContentType);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException) when (attempt < 5) { }
        }
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> StatusAsync(
        HttpRequest request, IOptions<LineOptions> options, TwilioSignature signature, DeliveryStatus delivery, CancellationToken ct)
    {
        if (await CheckAsync(request, options, signature, ct) is { } refused) return refused;
        var form = await request.ReadFormAsync(ct);
        await delivery.RecordAsync(form["MessageSid"].ToString(), form["MessageStatus"].ToString(), ct);
        return TypedResults.Content(TwiML.Response(null), TwiML.ContentType);
    }

    private static async Task<ProblemHttpResult?> CheckAsync(HttpRequest request, IOptions<LineOptions> options, TwilioSignature signature, CancellationToken ct)
    {
        if (!options.Value.Sms.Enabled)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        if (!request.HasFormContentType)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Expected a form-encoded webhook");
        var header = request.Headers[TwilioSignature.Header].ToString();
        if (string.IsNullOrWhiteSpace(header))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not signed",
                detail: $"A webhook must carry {TwilioSignature.Header}.");
        var form = await request.ReadFormAsync(ct);
        return signature.Valid(request, form, header) ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The signature does not match",
                detail: $"{TwilioSignature.Header} was not made with this deployment's auth token for this address.");
    }
}
