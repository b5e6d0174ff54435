namespace Kith.ServiceDirectory.SearchServices;

/// <summary>What a search answers: crisis lines first when the words signal risk, then the results, each saying why it matched.</summary>
internal sealed record SearchResponse(RiskNotice? Risk, IReadOnlyList<ServiceResult> Crisis, IReadOnlyList<ServiceResult> Results,
    int Total, int Page, int PerPage, int TotalPages, bool UnknownPostcode, long Revision)
{
    /// <summary>The point distances were measured from, for the map's "you" mark; not sent to programs, which know it.</summary>
    internal Search.GeoPoint? Origin { get; init; }
}

/// <summary>The words looked like someone may be at risk: the phrase that matched and what to tell them.</summary>
public sealed record RiskNotice(string Matched, string Message);

/// <summary>A way to act on a result now: call, text, open the website, or email. <c>AccessibleName</c> says what is
/// called ("Call 555-0100, Riverbend Crisis Line"), as "Call 555-0100" alone does not when several are listed.</summary>
public sealed record ServiceAction(string Kind, string Label, string Href, string? AccessibleName = null);

/// <summary>Why a service was found, in the reader's language; <c>Kind</c> is stable for programs.</summary>
public sealed record MatchExplanation(string Kind, string Detail, string Text);

public sealed record ServiceResult(
    string Id, string Name, string? Organization, string? Summary, string Link,
    double? DistanceKm, bool? OpenNow, bool Free, IReadOnlyList<string> Languages, IReadOnlyList<string> Delivery,
    IReadOnlyList<ServiceAction> Actions, IReadOnlyList<string> Addresses, IReadOnlyList<string> Areas,
    DateOnly? LastVerified, int? CapacityAvailable, bool Waitlist, string? Alert, IReadOnlyList<MatchExplanation> Why,
    string? Distance = null /* "1.2 mi away", in the deployment's unit */);
