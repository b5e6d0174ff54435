using System.Globalization;
using Hl7.Fhir.Model;
using Kith.Screening.Domain;
using Kith.Screening.Identified;
using Kith.Screening.Instruments;
using Kith.Screening.Responses;
using Kith.Screening.Scoring;

namespace Kith.Screening.Fhir;

/// <summary>
/// An identified response rebuilt as a QuestionnaireResponse from what was stored: the answers, and the
/// scores, band and flags as they were computed then (a later change to a definition never rewrites them).
/// </summary>
internal static class StoredResponseResource
{
    public static QuestionnaireResponse Build(string fhirBase, Instrument instrument, ScreeningResponse stored)
    {
        var answers = AnswerLines.Read(stored.Answers);
        var resource = new QuestionnaireResponse
        {
            Id = stored.Id.ToString(),
            Language = stored.Language,
            Questionnaire = FhirCodes.Canonical(fhirBase, instrument) + "|" + stored.InstrumentVersion,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Authored = DateTime.SpecifyKind(stored.SubmittedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (stored.SubjectIdentifier is not null || stored.SubjectName is not null)
            resource.Subject = new ResourceReference
            {
                Identifier = stored.SubjectIdentifier is { } identifier ? new Identifier { Value = identifier } : null,
                Display = stored.SubjectName,
            };
        foreach (var item in instrument.Items)
        {
            if (!answers.TryGetValue(item.Id, out var code) || instrument.OptionsOf(item).FirstOrDefault(o => o.Code == code) is not { } option) continue;
            resource.Item.Add(new()
            {
                LinkId = item.Id,
                Text = item.Text.In("en"),
                Answer = [new() { Value = QuestionnaireResource.Coding(FhirCodes.CodingOf(fhirBase, instrument, option), option.Text) }],
            });
        }

        var values = StoredResult.Scores(stored);
        var flags = StoredResult.Flags(stored);
        new ScoredItems(
            instrument.Scores.Where(s => values.ContainsKey(s.Id)).Select(s => (s, values[s.Id])).ToList(),
            instrument.Bands.FirstOrDefault(b => b.Code == stored.Band),
            instrument.Flags.Where(f => flags.Contains(f.Code)).ToList(),
            // Which critical rules fired follows from the stored answers alone.
            InstrumentScoring.Score(instrument, answers).Critical).WriteInto(resource, fhirBase, instrument);
        return resource;
    }

    /// <summary>A posted response as sent, with what scoring found added as answered items.</summary>
    public static ScoredItems From(ScoredResponse scored) =>
        new(scored.Scores.Select(s => (s.Rule, s.Value)).ToList(), scored.Band, scored.Flags, scored.Critical);
}
