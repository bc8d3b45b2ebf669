using Grading.Core.Prompts;
using Grading.Inference.GenAi;

namespace Grading.Inference.Tests.GenAi;

public sealed class DecoderConfidenceTests
{
    private static readonly Grading.Core.Domain.Question Question = GraderRequests.Question;

    /// <summary>A reply where every character is one token with probability 0.9, except those given.</summary>
    private static GeneratedText Reply(string text, params (int Index, double Probability)[] overrides)
    {
        var probabilities = Enumerable.Repeat(0.9, text.Length).ToArray();
        foreach (var (index, probability) in overrides)
        {
            probabilities[index] = probability;
        }

        return new GeneratedText(text, text.Select(c => (int)c).ToList(), true)
        {
            TokenProbabilities = probabilities,
            TokenTextEnds = Enumerable.Range(1, text.Length).ToList(),
        };
    }

    [Fact]
    public void Certainty_OneTokenScore_IsThatTokensProbability()
    {
        var reply = Reply("Score: 3\nFeedback: ok", (7, 0.4));
        var parsed = ModelOutputParser.Parse(reply.Text, Question, OutputFormat.Lines);

        Assert.Equal(0.4, DecoderConfidence.Certainty(parsed.ScoreSpans, reply)!.Value, 9);
    }

    [Fact]
    public void Certainty_NumberOfSeveralTokens_IsTheProductOfTheirProbabilities()
    {
        var reply = Reply("Score: 3.5\nFeedback: ok", (7, 0.5), (8, 1.0), (9, 0.8));
        var parsed = ModelOutputParser.Parse(reply.Text, Question, OutputFormat.Lines);

        Assert.Equal(0.4, DecoderConfidence.Certainty(parsed.ScoreSpans, reply)!.Value, 9);
    }

    [Fact]
    public void Certainty_TokenSpanningTheNumber_Counts()
    {
        // Two tokens: "Score: 3" (p 0.3) and "\nFeedback: ok" (p 0.9): the first holds the number.
        var text = "Score: 3\nFeedback: ok";
        var reply = new GeneratedText(text, [1, 2], true) { TokenProbabilities = [0.3, 0.9], TokenTextEnds = [8, text.Length] };
        var parsed = ModelOutputParser.Parse(text, Question, OutputFormat.Lines);

        Assert.Equal(0.3, DecoderConfidence.Certainty(parsed.ScoreSpans, reply)!.Value, 9);
    }

    [Fact]
    public void Certainty_SeveralNumbers_IsTheGeometricMeanOfEach()
    {
        var spans = new[] { 0..1, 2..3 };
        var reply = Reply("2 1", (0, 0.8), (2, 0.2));

        Assert.Equal(0.4, DecoderConfidence.Certainty(spans, reply)!.Value, 9);
    }

    [Fact]
    public void Certainty_NoProbabilities_IsNull()
    {
        var parsed = ModelOutputParser.Parse("Score: 3\nFeedback: ok", Question, OutputFormat.Lines);

        Assert.Null(DecoderConfidence.Certainty(parsed.ScoreSpans, new GeneratedText("Score: 3\nFeedback: ok", [], true)));
    }

    [Fact]
    public void Certainty_UnreadTokenInTheNumber_IsNull()
    {
        var reply = Reply("Score: 3\nFeedback: ok", (7, double.NaN));
        var parsed = ModelOutputParser.Parse(reply.Text, Question, OutputFormat.Lines);

        Assert.Null(DecoderConfidence.Certainty(parsed.ScoreSpans, reply));
    }

    [Fact]
    public void Certainty_UnreadTokenOutsideTheNumber_DoesNotMatter()
    {
        var reply = Reply("Score: 3\nFeedback: ok", (0, double.NaN), (7, 0.6));
        var parsed = ModelOutputParser.Parse(reply.Text, Question, OutputFormat.Lines);

        Assert.Equal(0.6, DecoderConfidence.Certainty(parsed.ScoreSpans, reply)!.Value, 9);
    }

    [Fact]
    public void For_NoProbabilities_IsTheUnmeasuredCertainty()
    {
        var parsed = ModelOutputParser.Parse("Score: 3\nFeedback: ok", Question, OutputFormat.Lines);

        Assert.Equal(DecoderConfidence.UnmeasuredCertainty, DecoderConfidence.For(parsed, new GeneratedText("Score: 3\nFeedback: ok", [], true), retried: false));
    }

    [Fact]
    public void For_SureModel_IsHigherThanTornModel()
    {
        var sure = Reply("Score: 3\nFeedback: ok", (7, 0.97));
        var torn = Reply("Score: 3\nFeedback: ok", (7, 0.51));
        var parsed = ModelOutputParser.Parse(sure.Text, Question, OutputFormat.Lines);

        Assert.Equal(0.97, DecoderConfidence.For(parsed, sure, retried: false), 9);
        Assert.Equal(0.51, DecoderConfidence.For(parsed, torn, retried: false), 9);
    }

    [Theory]
    [InlineData("Score: 9\nFeedback: ok", false, 0.8 * DecoderConfidence.AdjustedScoreFactor)]
    [InlineData("Score: 3\nFeedback: ok", true, 0.8 * DecoderConfidence.RetriedReplyFactor)]
    [InlineData("Score: 3", false, 0.8 * DecoderConfidence.ParserNoteFactor)]
    [InlineData("Score: 9", true, 0.8 * DecoderConfidence.AdjustedScoreFactor * DecoderConfidence.RetriedReplyFactor)]
    public void For_ClampedRetriedOrNoted_IsLowered(string text, bool retried, double expected)
    {
        var reply = Reply(text, (7, 0.8));
        var parsed = ModelOutputParser.Parse(text, Question, OutputFormat.Lines);

        Assert.Equal(expected, DecoderConfidence.For(parsed, reply, retried), 9);
    }
}
