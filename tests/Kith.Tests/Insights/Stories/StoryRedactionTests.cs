using Kith.Insights.Stories.Moderate;

namespace Kith.Tests.Insights.Stories;

/// <summary>The automatic first pass of de-identification: what it must replace, and what it must leave alone.</summary>
public sealed class StoryRedactionTests
{
    [Theory]
    [InlineData("Write to maria.lopez@example.org if you want to help.", "Write to [email] if you want to help.")]
    [InlineData("See https://example.org/groups/teens?id=4 for times.", "See [link] for times.")]
    [InlineData("Look at www.riverbend-youth.net and tiktok.com/@someone", "Look at [link] and [link]")]
    [InlineData("Follow @jaylen_22 for the schedule.", "Follow [handle] for the schedule.")]
    [InlineData("Call her on 555-123-4567 after school.", "Call her on [phone] after school.")]
    [InlineData("Her number is (612) 555 0199.", "Her number is [phone].")]
    [InlineData("Text +252 61 555 1234 anytime", "Text [phone] anytime")]
    [InlineData("The club at 42 Elm Street saved me.", "The club at [number] Elm Street saved me.")]
    [InlineData("we meet at 1200 n. oak ave on fridays", "we meet at [number] n. oak ave on fridays")]
    [InlineData("Vivo en la calle Robles 214 con mi tía.", "Vivo en la calle Robles [number] con mi tía.")]
    [InlineData("She lives in apartment 4B, upstairs.", "She lives in apartment [number], upstairs.")]
    [InlineData("Room #305 is where we talk.", "Room #[number] is where we talk.")]
    public void Obvious_identifiers_are_replaced(string text, string redacted) =>
        Assert.Equal(redacted, StoryRedaction.Redact(text));

    [Theory]
    [InlineData("Since 2024 things got harder; 3 of my friends moved away.")]
    [InlineData("The meeting on 2026-11-16 helped a lot.")]
    [InlineData("We walked 5 miles down the road to the clinic.")]
    [InlineData("It costs $20 a week and the bus takes 45 minutes.")]
    [InlineData("Waxaan jeclahay kooxda dhalinyarada, way i caawisay.")]
    [InlineData("What is hard: nobody talks about it at school.")]
    public void Ordinary_numbers_and_words_are_left_alone(string text) =>
        Assert.Equal(text, StoryRedaction.Redact(text));

    [Fact]
    public void Redacting_twice_changes_nothing_more() =>
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<string>(text =>
            text is null || StoryRedaction.Redact(StoryRedaction.Redact(text)) == StoryRedaction.Redact(text)));
}
