using Kith.Lines.CheckIns;

namespace Kith.Tests.Lines;

/// <summary>Replies to "How are you doing today, 1–5?" in English, Spanish and Somali, read as a responder would.</summary>
public sealed class CheckInReplyTests
{
    [Theory]
    [InlineData("4", "en", 4)]
    [InlineData(" 5! ", "en", 5)]
    [InlineData("3/5", "en", 3)]
    [InlineData("3 out of 5", "en", 3)]
    [InlineData("about a 4 today", "en", 4)]
    [InlineData("I'm a 2", "en", 2)]
    [InlineData("two", "en", 2)]
    [InlineData("Three", "en", 3)]
    [InlineData("2 or 3", "en", 2)]
    [InlineData("0", "en", 1)]
    [InlineData("tres", "es", 3)]
    [InlineData("Estoy en un 2 de 5", "es", 2)]
    [InlineData("cinco", "es", 5)]
    [InlineData("una", "es", 1)]
    [InlineData("saddex", "so", 3)]
    [InlineData("Laba", "so", 2)]
    [InlineData("4 fiican", "so", 4)]
    public void A_score_is_read_in_each_language(string reply, string language, int score)
    {
        var read = CheckInReplies.Read(reply, language);

        Assert.Equal(score, read.Score);
        Assert.Equal(CheckInRequest.None, read.Request);
    }

    [Theory]
    [InlineData("10/10")]
    [InlineData("3 out of 10")]
    [InlineData("7")]
    [InlineData("not great")]
    [InlineData("one day at a time, the kids are with my mum and the farm is quiet")]
    [InlineData("")]
    public void A_reply_that_is_not_a_score_on_this_scale_gives_none_and_a_person_reads_it(string reply)
    {
        var read = CheckInReplies.Read(reply, "en");

        Assert.Null(read.Score);
        Assert.True(read.NeedsAPerson);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("1", true)]
    [InlineData("3", false)]
    [InlineData("5", false)]
    public void Two_or_less_asks_a_person_to_look_three_or_more_does_not(string reply, bool needsAPerson) =>
        Assert.Equal(needsAPerson, CheckInReplies.Read(reply, "en").NeedsAPerson);

    [Theory]
    [InlineData("5 but I want to die", "en")]
    [InlineData("4. gave away my guitar, saying goodbye", "en")]
    [InlineData("4 quiero morir", "es")]
    public void Risk_words_ask_a_person_to_look_whatever_the_score(string reply, string language)
    {
        var read = CheckInReplies.Read(reply, language);

        Assert.NotNull(read.Risk);
        Assert.True(read.NeedsAPerson);
    }

    [Theory]
    [InlineData("PAUSE", "Pause")]
    [InlineData("pause check-ins please", "Pause")]
    [InlineData("Pausa", "Pause")]
    [InlineData("hakad", "Pause")]
    [InlineData("resume", "Resume")]
    [InlineData("Reanudar", "Resume")]
    [InlineData("sii wad", "Resume")]
    public void Pause_and_resume_are_requests_not_prose(string reply, string request)
    {
        var read = CheckInReplies.Read(reply, "en");

        Assert.Equal(request, read.Request.ToString());
        Assert.Null(read.Score);
        Assert.False(read.NeedsAPerson);
    }

    [Fact]
    public void A_request_inside_a_sentence_is_prose_a_person_reads()
    {
        var read = CheckInReplies.Read("I need to pause and think, everything is too much", "en");

        Assert.Equal(CheckInRequest.None, read.Request);
        Assert.True(read.NeedsAPerson);
    }
}
