using System.Globalization;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.ServiceDirectory.Search;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.SearchServices;

/// <summary>Turns engine hits into what a person reads: actions to call or text, and why each service was found.</summary>
internal sealed class SearchResultsText(DirectorySnapshot snapshot, IStringLocalizer T, DistanceUnit? unit = null)
{
    public SearchResponse Describe(SearchResults results, SearchQuery query)
    {
        var risk = results.RiskDetected
            ? new RiskNotice(results.RiskPhrase ?? "", T["You do not have to go through this alone. You can talk to someone right now, free and confidential."])
            : null;
        var totalPages = results.Total == 0 ? 0 : (results.Total + results.PerPage - 1) / results.PerPage;
        return new SearchResponse(risk, results.Crisis.Select(Result).ToList(), results.Hits.Select(Result).ToList(),
            results.Total, results.Page, results.PerPage, totalPages, results.UnknownPostalCode, snapshot.Revision) { Origin = results.Origin };
    }

    private ServiceResult Result(SearchHit hit)
    {
        var d = hit.Document;
        var card = snapshot.Card(d.ServiceId);
        return new ServiceResult(d.ServiceId, d.Name, d.OrganizationName, card?.Summary, $"/help/services/{d.ServiceId}",
            hit.DistanceKm is { } km ? Math.Round(km, 1) : null, hit.OpenNow, d.Free,
            d.Languages.Select(LanguageName).ToList(), DeliveryNames(d.Delivery), card is null ? [] : Actions(card),
            card?.PublicAddresses ?? [], card?.AreaNames ?? [], d.AssuredDate, d.CapacityAvailable, d.Waitlist, card?.Alert,
            hit.Reasons.Select(Explain).ToList(), hit.DistanceKm is { } away ? Unit.Away(away, T) : null);
    }

    private DistanceUnit Unit => unit ?? new DistanceUnit(false);

    public IReadOnlyList<ServiceAction> Actions(ServiceCard card)
    {
        var actions = new List<ServiceAction>();
        foreach (var phone in card.Phones)
        {
            if (phone.Type == "fax") continue;
            var digits = new string(phone.Number.Where(c => char.IsDigit(c) || c == '+').ToArray());
            if (digits.Length == 0) continue;
            // The button shows the number; its accessible name also says whose line it is (and which one, when described).
            var whose = string.IsNullOrWhiteSpace(phone.Description) ? card.Name : $"{card.Name} ({phone.Description.Trim()})";
            var action = phone.Type == "text"
                ? new ServiceAction("text", T["Text {0}", phone.Number], "sms:" + digits)
                : new ServiceAction("call", T["Call {0}", phone.Number], "tel:" + digits);
            // The same number listed for the service and for its place is one button, not two.
            if (actions.Any(a => a.Href == action.Href)) continue;
            actions.Add(action with { AccessibleName = $"{action.Label}, {whose}" });
        }
        if (Uri.TryCreate(card.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
            actions.Add(new ServiceAction("web", T["Website"], url.ToString()));
        if (!string.IsNullOrWhiteSpace(card.Email) && card.Email.Contains('@'))
            actions.Add(new ServiceAction("email", T["Email {0}", card.Email], "mailto:" + card.Email));
        return actions;
    }

    public string LanguageName(string code) => code switch
    {
        "en" => T["English"], "es" => T["Spanish"], "so" => T["Somali"],
        _ => LanguageCodes.DisplayName(code),
    };

    public List<string> DeliveryNames(Delivery delivery)
    {
        var names = new List<string>();
        if (delivery.HasFlag(Delivery.InPerson)) names.Add(T["In person"]);
        if (delivery.HasFlag(Delivery.Phone)) names.Add(T["By phone"]);
        if (delivery.HasFlag(Delivery.Text)) names.Add(T["By text message"]);
        if (delivery.HasFlag(Delivery.Video)) names.Add(T["By video"]);
        return names;
    }

    private MatchExplanation Explain(MatchReason reason) => new(reason.Kind, reason.Detail, reason.Kind switch
    {
        MatchKinds.Text => TextReason(reason.Detail),
        MatchKinds.Category => T["In the category {0}", CategoryName(reason.Detail)],
        MatchKinds.Language => T["Speaks {0}", LanguageName(reason.Detail)],
        MatchKinds.Distance => double.TryParse(reason.Detail, NumberStyles.Float, CultureInfo.InvariantCulture, out var km) ? Unit.Away(km, T) : reason.Detail,
        MatchKinds.OpenNow => T["Open now"],
        MatchKinds.OpenAt => T["Open at the time you chose"],
        MatchKinds.Age => T["Serves age {0}", Number(reason.Detail)],
        MatchKinds.Free => T["Free"],
        MatchKinds.Delivery => T["Offered: {0}", string.Join(", ", DeliveryNames(ParseDelivery(reason.Detail)))],
        MatchKinds.Accessibility => T["Has the accessibility features you asked for"],
        MatchKinds.Capacity => T["{0} places available now", Number(reason.Detail)],
        _ => reason.Detail,
    });

    private string TextReason(string detail)
    {
        var parts = detail.Split(' ').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var word = parts.GetValueOrDefault("word", "");
        var term = parts.GetValueOrDefault("term", word);
        string where = parts.GetValueOrDefault("field") switch
        {
            "name" => T["the name"], "other_name" => T["another name"], "keyword" => T["its categories"], _ => T["the description"],
        };
        // Said the way a person would: the word they typed, and the related or corrected word only when it differs.
        return parts.GetValueOrDefault("via") switch
        {
            "synonym" when !Same(word, term) => T["Related to “{0}” (you searched for “{1}”), in {2}", term, word, where],
            "synonym" => T["Related to “{0}”, in {1}", word, where],
            "typo" => T["Spelled like “{0}”, in {1}", term, where],
            _ => T["Matches “{0}” in {1}", word, where],
        };
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private string CategoryName(string termId)
    {
        var name = snapshot.Category(termId)?.Name ?? termId;
        return KithVocabulary.Needs.Any(n => n.Id == termId) ? T[name] : name;
    }

    private static string Number(string invariant) =>
        double.TryParse(invariant, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n.ToString("0.#", CultureInfo.CurrentCulture) : invariant;

    private static Delivery ParseDelivery(string detail) =>
        detail.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(Delivery.None, (all, name) => Enum.TryParse<Delivery>(name, out var d) ? all | d : all);
}
