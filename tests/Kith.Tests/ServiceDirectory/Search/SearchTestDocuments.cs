using Kith.Platform.Time;
using Kith.ServiceDirectory.Search;

namespace Kith.Tests.ServiceDirectory.Search;

/// <summary>Hand-made services for the small, exact tests.</summary>
internal static class SearchTestDocuments
{
    public static readonly OpeningRule AllDay = new("DAILY", 1, null, null, null, null, null, null, null, null, null, "America/Chicago");

    public static SearchDocument Service(string id, string name, string? description = null, string[]? keywords = null,
        string[]? languages = null, SearchPlace[]? places = null, string[]? areas = null, bool crisis = false,
        OpeningRule[]? schedules = null, DateOnly? assured = null, Delivery delivery = Delivery.InPerson) =>
        new(id, name, null, description, null, keywords ?? [], [], languages ?? ["en"], places ?? [], areas ?? [],
            schedules ?? [], null, null, true, delivery, [], null, false, assured, crisis);

    public static SearchPlace At(double latitude, double longitude, bool confidential = false, string? area = null, string? postcode = null) =>
        new(latitude, longitude, postcode, area, confidential);
}
