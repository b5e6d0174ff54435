using System.Text.Json;
using Kith.Platform.Web.Once;

namespace Kith.Concerns.Submit;

/// <summary>What became of a send with a key: taken now, taken before (the same receipt), or not taken.</summary>
internal sealed record OnceSubmission(SentOnceOutcome Outcome, ConcernReceipt? Receipt, Dictionary<string, string[]> Errors)
{
    /// <summary>Taken before, but its receipt is past the time it may be shown again.</summary>
    public bool AlreadyShown => Outcome == SentOnceOutcome.Done && Receipt is null;
}

/// <summary>
/// Takes a concern at most once per key — the form's one-time token, or an API client's Idempotency-Key (ADR 26):
/// a refresh, a double tap or a retry with the same key and body gets the first receipt back, never a second concern.
/// </summary>
internal sealed class SubmitConcernOnce(SubmitConcern submit, SentOnce once)
{
    /// <summary>The form's token: kept a day, its receipt shown again only while the receipt page's slot would last.</summary>
    public static readonly SentOnceScope Web = new("concerns.web", TimeSpan.FromHours(24), ShownOnce.Lifetime);
    /// <summary>An API key: kept a day with its answer (ADR 26 says why a day).</summary>
    public static readonly SentOnceScope Api = new("concerns.api", TimeSpan.FromHours(24), TimeSpan.FromHours(24));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="key">Null: no key was given, and the send is taken as it always was.</param>
    /// <param name="patience">How long to wait for a first send with the same key still working (a double tap).</param>
    public async Task<OnceSubmission> SubmitAsync(ConcernSubmission submission, SubmissionChannel channel, SentOnceScope scope, string? key,
        TimeSpan patience, CancellationToken ct)
    {
        if (key is null)
        {
            var (taken, problems) = await submit.SubmitAsync(submission, channel, filedBy: null, ct);
            return new(SentOnceOutcome.First, taken, problems);
        }
        // The body as bound, in one canonical form: spacing or field order in the JSON does not make it another body.
        var fingerprint = JsonSerializer.Serialize(submission, Json);
        var claim = await once.ClaimOrWaitAsync(scope, key, fingerprint, patience, ct);
        if (claim.Outcome == SentOnceOutcome.Done)
            return new(claim.Outcome, claim.Response is null ? null : JsonSerializer.Deserialize<ConcernReceipt>(claim.Response, Json), []);
        if (claim.Outcome != SentOnceOutcome.First) return new(claim.Outcome, null, []);

        ConcernReceipt? receipt;
        Dictionary<string, string[]> errors;
        try
        {
            (receipt, errors) = await submit.SubmitAsync(submission, channel, filedBy: null, ct);
        }
        catch
        {
            await once.ReleaseAsync(scope, claim, CancellationToken.None);
            throw;
        }
        if (receipt is null)
        {
            await once.ReleaseAsync(scope, claim, ct); // nothing was taken: the corrected form may use the same key
            return new(SentOnceOutcome.First, null, errors);
        }
        await once.CompleteAsync(scope, claim, StatusCodes.Status201Created, JsonSerializer.Serialize(receipt, Json), CancellationToken.None);
        return new(SentOnceOutcome.First, receipt, errors);
    }
}
