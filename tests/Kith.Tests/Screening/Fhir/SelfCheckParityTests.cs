using System.Globalization;
using System.Text.Json.Nodes;
using Kith.Screening.Domain;
using Kith.Screening.Instruments;

namespace Kith.Tests.Screening.Fhir;

/// <summary>The same answers entered in the public self-check form and posted as a FHIR QuestionnaireResponse score identically.</summary>
[Trait("Category", "Integration")]
public sealed class SelfCheckParityTests(KithApp app) : IClassFixture<KithApp>
{
    private static readonly InstrumentLibrary Library = InstrumentLibrary.Embedded();

    [Fact]
    public async Task Every_instrument_scores_the_same_through_the_self_check_form_and_through_FHIR()
    {
        using var client = app.Browser();
        foreach (var instrument in Library.All)
            foreach (var answers in SampleAnswers.For(instrument))
            {
                var before = await SelfCheckIdsAsync();
                var page = await Staff.PostFormAsync(client, $"/check/{instrument.Id}", "self-check-answers",
                    answers.Select(a => KeyValuePair.Create("answer-" + a.Key, a.Value)));
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                var html = await page.Content.ReadAsStringAsync();
                var stored = await InDatabaseAsync(db => db.ScreeningResponses.AsNoTracking()
                    .Where(r => r.Channel == ResponseChannels.SelfCheck && !before.Contains(r.Id)).SingleAsync());

                var posted = await client.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(SampleAnswers.Resource(instrument, answers, loinc: true)));
                Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
                var items = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["item"]!.AsArray()
                    .ToDictionary(i => (string)i!["linkId"]!, i => i!["answer"]!.AsArray());

                var scores = stored.Scores.Split(' ').Select(s => s.Split('='))
                    .ToDictionary(p => "score-" + p[0], p => decimal.Parse(p[1], CultureInfo.InvariantCulture));
                Assert.Equal(scores.Keys.Order(), items.Keys.Where(k => k.StartsWith("score-", StringComparison.Ordinal)).Order());
                foreach (var (linkId, value) in scores) Assert.Equal(value, (decimal)items[linkId][0]!["valueDecimal"]!);
                Assert.Equal(stored.Band, (string?)items["band"][0]!["valueCoding"]!["code"]);
                Assert.Equal(stored.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries), items.GetValueOrDefault("flags")?.Select(a => (string)a!["valueCoding"]!["code"]!) ?? []);
                // Critical findings: the form shows the crisis lines exactly when FHIR reports one.
                Assert.Equal(items.ContainsKey("critical"), stored.Safety is not null);
                Assert.Equal(stored.Safety is not null, html.Contains("class=\"concern-danger\"", StringComparison.Ordinal));
            }
    }

    private Task<List<Guid>> SelfCheckIdsAsync() =>
        InDatabaseAsync(db => db.ScreeningResponses.Where(r => r.Channel == ResponseChannels.SelfCheck).Select(r => r.Id).ToListAsync());

    private async Task<T> InDatabaseAsync<T>(Func<KithDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KithDb>());
    }
}
