namespace Kith.ServiceDirectory.Contracts;

/// <summary>A service another module may suggest as a next step, with the page that tells the rest.</summary>
internal sealed record ServiceSuggestion(string ServiceId, string Name, string? OrganizationName, string? Phone, string? Url,
    bool SpeaksLanguage, bool Local, string Path)
{
    /// <summary>Who it is for by age, as the directory records it (HSDS minimum_age / maximum_age); none = not stated.</summary>
    public decimal? MinimumAge { get; init; }
    public decimal? MaximumAge { get; init; }
    /// <summary>The service's own need codes ("crisis", "youth", "counselling"…).</summary>
    public IReadOnlyList<string> NeedCodes { get; init; } = [];
    /// <summary>The Kith organisation that runs it, when one does (a workplace's own programme, a school's own service).</summary>
    public Guid? KithOrganisationId { get; init; }
    /// <summary>Places free now, as its editors last said (HSDS service_capacity); none = not recorded.</summary>
    public int? Available { get; init; }
    /// <summary>It keeps a waiting list when full.</summary>
    public bool Waitlist { get; init; }
}

/// <summary>
/// Services for a need (one of the directory's need codes: "counselling", "youth", "wellbeing"…), nearest the
/// person's area and in their language first. Read from the in-memory search snapshot.
/// </summary>
internal interface IDirectoryServices
{
    Task<IReadOnlyList<ServiceSuggestion>> SuggestAsync(IReadOnlyList<string> needs, Guid? areaId, string language, int max, CancellationToken ct);

    /// <summary>
    /// The active services among these ids (an unknown or inactive one is left out), in the order asked: name, phone and
    /// web address, never a place's address, so what is passed on cannot lead anyone to a confidential refuge.
    /// </summary>
    Task<IReadOnlyList<ServiceSuggestion>> FindAsync(IReadOnlyList<string> serviceIds, string language, CancellationToken ct);

    /// <summary>The active services these Kith organisations run, by organisation then name (whom a partner can refer to).</summary>
    Task<IReadOnlyList<ServiceSuggestion>> RunByAsync(IReadOnlyCollection<Guid> organisations, string language, CancellationToken ct);
}

/// <summary>The directory's top-level needs (code and English name, a translation key), for others to offer as filters.</summary>
internal static class DirectoryNeeds
{
    public static IReadOnlyList<(string Code, string Name)> TopLevel { get; } =
        [.. Domain.KithVocabulary.Needs.Where(n => n.ParentCode is null).Select(n => (n.Code, n.Name))];
}
