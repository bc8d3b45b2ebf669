using Grading.Core.Grading;
using Grading.Core.Prompts;
using Grading.Inference.GenAi;
using Grading.Inference.ScoreHead;

namespace Grading.Inference.Tests.GenAi;

/// <summary>The graders on the real runtime with the tiny random model: its replies are gibberish, which is the point.</summary>
public sealed class TinyModelGraderTests(TinyModelFixture fixture) : IClassFixture<TinyModelFixture>
{
    private static readonly DecoderGraderSettings Settings = new(ChatTemplate.ChatMl, OutputFormat.Lines, 24, 4, "tiny", "1");

    [Fact]
    public async Task GenAiGrader_GibberishReplies_GiveNeedsReviewNeverAScore()
    {
        var grader = new GenAiGrader(fixture.Generator, Settings);
        var requests = GraderRequests.Several(3);

        var results = await grader.GradeAsync(requests);

        Assert.All(results, r => Assert.True(double.IsNaN(r.Score), $"the random model produced a score: {r.Score}"));
        Assert.All(results, r => Assert.Equal(0, r.Confidence));
        Assert.All(requests.Select((request, i) => GradeFactory.Create(request, results[i], grader, 0.35, TimeSpan.Zero, DateTimeOffset.UnixEpoch)), grade =>
        {
            Assert.True(grade.NeedsReview);
            Assert.Contains("grader returned no score", grade.ReviewReasons);
        });
    }

    [Fact]
    public async Task TwoStageGrader_ScoreFromScoreStage_KeepsItWhateverTheDecoderWrites()
    {
        var grader = new TwoStageGrader(new FixedScoreGrader(3, "score-stage feedback"), fixture.Generator, Settings);

        var results = await grader.GradeAsync(GraderRequests.Several(2));

        Assert.All(results, r =>
        {
            Assert.Equal(3, r.Score);
            Assert.Equal("score-stage feedback", r.Feedback);
            Assert.Contains(r.ReviewReasons, reason => reason.Contains("decoder feedback could not be parsed", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task ScoreHeadGrader_BatchOfThree_ScoresInRangeAndEqualsSingleRuns()
    {
        using var head = OnnxScoreHead.Load(ModelFolder.Open(fixture.Folder));
        var grader = new ScoreHeadGrader(head, Settings);
        var requests = GraderRequests.Several(3);

        var batched = await grader.GradeAsync(requests);
        var single = new List<GraderResult>();
        foreach (var request in requests)
        {
            single.Add((await grader.GradeAsync([request]))[0]);
        }

        Assert.All(batched, r => Assert.InRange(r.Score, 0, GraderRequests.Question.MaxScore));
        Assert.Equal(single.Select(r => Math.Round(r.Score, 4)), batched.Select(r => Math.Round(r.Score, 4)));
    }

    [Fact]
    public async Task GenAiGrader_PromptLongerThanContext_NeedsReviewWithTheReasonAndTheOthersAreGenerated()
    {
        using var model = DecoderModel.Load(fixture.Folder, "{\"model\": {\"context_length\": 1200}}");
        using var generator = new GenAiTextGenerator(model);
        var grader = new GenAiGrader(generator, Settings);
        var requests = new[] { GraderRequests.For("Short."), GraderRequests.For(new string('x', 2000), "s-long") };

        var results = await grader.GradeAsync(requests);

        Assert.All(results, r => Assert.True(double.IsNaN(r.Score)));
        Assert.Contains(results[1].ReviewReasons, r => r.Contains("does not fit the model's context of 1200", StringComparison.Ordinal));
        Assert.Contains(results[0].ReviewReasons, r => r.Contains("could not be parsed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateAsync_CancelledAfterTheFirstToken_StopsBetweenTokens()
    {
        using var generator = new GenAiTextGenerator(fixture.Model);
        using var cancellation = new CancellationTokenSource();
        generator.FirstTokenObserved = _ => cancellation.Cancel();

        // The token is live when generation starts and is cancelled once the first token is out.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["Question: why?"], SearchOptions.Greedy(3000) with { MinNewTokens = 3000 }, cancellation.Token));
    }
}
