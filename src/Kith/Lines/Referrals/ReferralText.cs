using Kith.Lines.Conversations;
using Kith.ServiceDirectory.Contracts;
using Microsoft.Extensions.Localization;

namespace Kith.Lines.Referrals;

/// <summary>
/// The services a responder picked at close, as one short text in the texter's language: each one's name and how to
/// reach it (its phone, else its web address). Never an address: the directory gives none, so a refuge at a confidential
/// place is passed on by its phone alone.
/// </summary>
internal sealed class ReferralText(IStringLocalizer<SharedResource> T)
{
    public string In(string language, IReadOnlyList<ServiceSuggestion> services) => TexterLanguage.Run(language, () =>
        T["Services that can help:"] + "\n" + string.Join("\n", services.Select(s => (s.Phone ?? s.Url) is { } reach ? $"{s.Name}: {reach}" : s.Name)));
}
