using System.Net;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kith.Platform.Messaging;

/// <summary>
/// Sends email through an SMTP relay (<c>Kith:Messaging:Email:Mode = smtp</c>). A retried message carries the
/// same Message-ID, so a mail client that got the first attempt shows it once.
/// </summary>
internal sealed class SmtpRelay(IOptions<MessagingOptions> options) : IMessageSender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var email = options.Value.Email;
        var from = new MailAddress(email.From!);
        using var mail = new MailMessage(from, new MailAddress(message.To))
        {
            Subject = message.Subject,
            Body = message.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        mail.Headers.Add("Message-ID", MessageId(message.IdempotencyKey, from.Host));
        using var client = new SmtpClient(email.Host, email.Port)
        {
            EnableSsl = email.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)Math.Min(int.MaxValue, email.Timeout.TotalMilliseconds),
            Credentials = string.IsNullOrEmpty(email.UserName) ? null : new NetworkCredential(email.UserName, email.Password),
        };
        // SmtpClient.Timeout binds only the synchronous Send; the async send needs its own deadline.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(email.Timeout);
        try
        {
            await client.SendMailAsync(mail, deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new MessageNotSentException($"Email: the SMTP server did not answer within {email.Timeout}.");
        }
        catch (SmtpException e)
        {
            // The server's reply may quote the recipient: keep only its status, since this text is stored and logged.
            throw new MessageNotSentException($"Email: the SMTP server refused or dropped the message ({e.StatusCode}).", e);
        }
    }

    /// <summary>Derived from the key, never from content: the same notice always has the same id.</summary>
    public static string MessageId(string idempotencyKey, string host) =>
        $"<{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32]}@{host}>";
}
