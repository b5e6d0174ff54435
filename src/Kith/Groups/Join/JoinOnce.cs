using System.Text.Json;
using Kith.Groups.Domain;
using Kith.Platform.Security;
using Kith.Platform.Web.Once;

namespace Kith.Groups.Join;

/// <summary>
/// Joins at most once per one-time token — the join form's hidden token, or an API client's Idempotency-Key (ADR 26): a
/// refresh, a double tap or a retry with the same token and answers shows the first result again for 30 minutes — the
/// same standing and the same private code, made again from the token (<see cref="GroupCode.CodeFor"/>), so no code is
/// stored, not even encrypted — and after that only "already sent". Nothing is made twice.
/// </summary>
internal sealed class JoinOnce(Joining joining, SentOnce once, GroupCode codes)
{
    /// <summary>The form's hidden field.</summary>
    public const string Field = "submission";

    /// <summary>
    /// A token is remembered a day (a member made with one for good: its code's hash is the token's); the result is shown
    /// again for 30 minutes — time to copy a code, look away and refresh, not for a borrowed phone an evening later.
    /// </summary>
    public static readonly SentOnceScope Scope = new("groups.join", TimeSpan.FromHours(24), TimeSpan.FromMinutes(30));

    /// <summary>How long a double tap on the form waits for the first tap's answer.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What is kept to show a result again: the standing, and whether a code was made (it is made again from the token).</summary>
    private sealed record Shown(string Standing, bool NewCode);

    /// <param name="token">Null: no token came (an old page, an API call without a key), and the join is taken as it always was.</param>
    public async Task<JoinResult> JoinAsync(Guid groupId, JoinRequest request, string? token, TimeSpan patience, CancellationToken ct)
    {
        if (token is null) return await joining.JoinAsync(groupId, request, null, ct);
        // The group and the answers as bound, in one canonical form: the same token with other answers is not a re-send.
        var claim = await once.ClaimOrWaitAsync(Scope, token, $"{groupId}\n{JsonSerializer.Serialize(request, Json)}", patience, ct);
        switch (claim.Outcome)
        {
            case SentOnceOutcome.Busy: return StillSending;
            case SentOnceOutcome.Different: return JoinResult.AlreadySent with { Status = StatusCodes.Status422UnprocessableEntity };
            case SentOnceOutcome.Done when claim.Response is { } kept:
                var shown = JsonSerializer.Deserialize<Shown>(kept, Json)!;
                return new(StatusCodes.Status201Created, shown.Standing, shown.NewCode ? PrivateCode.Grouped(codes.CodeFor(token)) : null);
            case SentOnceOutcome.Done: return JoinResult.AlreadySent;
        }
        JoinResult result;
        try
        {
            result = await joining.JoinAsync(groupId, request, token, ct);
        }
        catch
        {
            await once.ReleaseAsync(Scope, claim, CancellationToken.None);
            throw;
        }
        if (result.Status != StatusCodes.Status201Created)
        {
            await once.ReleaseAsync(Scope, claim, ct); // nothing was made: the corrected form may use the same token
            return result;
        }
        await once.CompleteAsync(Scope, claim, result.Status, JsonSerializer.Serialize(new Shown(result.Standing!, result.NewCode is not null), Json), CancellationToken.None);
        return result;
    }

    private static readonly JoinResult StillSending = new(StatusCodes.Status409Conflict, Errors: new()
    {
        [Field] = ["This form is still being sent: wait a moment, then send it again."],
    });
}
