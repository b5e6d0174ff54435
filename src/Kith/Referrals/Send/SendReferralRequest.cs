using System.Net.Mail;
using Kith.Referrals.Domain;

namespace Kith.Referrals.Send;

/// <summary>
/// A referral as the sender fills it in. Only a first name or nickname is required of the person; contact, need,
/// language and risk tier go only if the person agreed (<see cref="Consent"/> confirms they agreed to the referral
/// and to what is filled in here). <see cref="FromOrganisationId"/> is needed only by someone in several organisations.
/// </summary>
internal sealed record SendReferralRequest(
    string? ServiceId,
    string? PersonName,
    string? ContactPreference,
    string? Contact,
    string? Need,
    string? Language,
    string? RiskTier,
    bool Consent,
    string? ConsentHow,
    Guid? FromOrganisationId = null,
    string? SourceKind = null,
    Guid? SourceId = null);

/// <summary>The request's own rules (field by field); the directory and the organisations are checked by <see cref="SendReferral"/>.</summary>
internal static class SendReferralRules
{
    public const int NameMax = 60;
    public const int ContactMax = 200;
    public const int NeedMax = 2000;

    public static readonly IReadOnlyList<string> Preferences = ["phone", "text", "email", "none"];
    public static readonly IReadOnlyList<string> ConsentWays = ["verbal", "written", "text", "web"];
    public static readonly IReadOnlyList<string> Tiers = ["imminent", "urgent", "routine"];
    public static readonly IReadOnlyList<string> SourceKinds = ["conversation", "concern", "screening"];

    public static ContactPreference Preference(string code) => code switch
    {
        "phone" => Domain.ContactPreference.Phone,
        "text" => Domain.ContactPreference.Text,
        "email" => Domain.ContactPreference.Email,
        _ => Domain.ContactPreference.DoNotContact,
    };

    public static Dictionary<string, string[]> Check(SendReferralRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (!r.Consent) Add("consent", "Refer only with the person's agreement: confirm they agreed to this referral and to what you share.");
        if (r.ConsentHow is null || !ConsentWays.Contains(r.ConsentHow)) Add("consentHow", "Say how they agreed: " + string.Join(", ", ConsentWays) + ".");
        if (string.IsNullOrWhiteSpace(r.ServiceId) || r.ServiceId.Length > 100) Add("serviceId", "Choose the service to refer to.");
        if (string.IsNullOrWhiteSpace(r.PersonName)) Add("personName", "Give a first name or nickname the service can use.");
        else if (r.PersonName.Trim().Length > NameMax) Add("personName", $"A first name or nickname, at most {NameMax} characters.");
        if (r.ContactPreference is null || !Preferences.Contains(r.ContactPreference))
            Add("contactPreference", "Choose how they want to be contacted: phone, text, email, or not at all.");
        else if (r.ContactPreference == "none")
        {
            if (!string.IsNullOrWhiteSpace(r.Contact)) Add("contact", "They asked not to be contacted: leave the contact out.");
        }
        else if (string.IsNullOrWhiteSpace(r.Contact)) Add("contact", $"Give the {(r.ContactPreference == "email" ? "email address" : "phone number")} they chose.");
        else if (r.Contact.Length > ContactMax || !Valid(r.ContactPreference, r.Contact.Trim()))
            Add("contact", r.ContactPreference == "email" ? "Enter an email address like name@example.org." : "Enter a phone number (digits, spaces, +, -, brackets).");
        if (r.Need is { Length: > NeedMax }) Add("need", $"At most {NeedMax} characters.");
        if (r.Language is { } language && (language.Length is < 2 or > 10 || !language.All(c => char.IsAsciiLetter(c) || c == '-')))
            Add("language", "A language code such as en, es or so.");
        if (r.RiskTier is { } tier && !Tiers.Contains(tier)) Add("riskTier", "One of: " + string.Join(", ", Tiers) + ".");
        if (r.SourceKind is { } kind && !SourceKinds.Contains(kind)) Add("sourceKind", "One of: " + string.Join(", ", SourceKinds) + ".");
        if ((r.SourceKind is null) != (r.SourceId is null)) Add("sourceId", "Give both where the referral came from and its id, or neither.");
        return errors;
    }

    private static bool Valid(string preference, string contact)
    {
        if (preference == "email")
            return MailAddress.TryCreate(contact, out var address) && address.Address == contact && contact.Contains('.', StringComparison.Ordinal);
        var digits = contact.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 15 && contact.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.');
    }
}
