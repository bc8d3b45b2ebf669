using Grading.Core.Prompts;
using Grading.Inference.GenAi;

namespace Grading.Inference.Tests.GenAi;

public sealed class TwoStageGraderTests
{
    private static readonly DecoderGraderSettings Settings = new(ChatTemplate.Llama2, OutputFormat.Lines, 64, 8, "test-model", "1");

    [Fact]
    public async Task GradeAsync_ScoreStageScore_ConditionsTheFeedbackPrompt()
    {
        var generator = new ScriptedGenerator((_, _) => "Feedback: Add that lost segments are retransmitted.");
        var grader = new TwoStageGrader(new FixedScoreGrader(2.5), generator, Settings);

        var result = (await grader.GradeAsync([GraderRequests.For("It is reliable.")]))[0];

        Assert.Equal(2.5, result.Score);
        Assert.Equal("Add that lost segments are retransmitted.", result.Feedback);
        Assert.Contains("already decided: 2.5 out of 4", generator.Calls[0].Prompts[0]);
    }

    [Fact]
    public async Task GradeAsync_ScoreStageHasNoScore_SkipsTheDecoder()
    {
        var generator = new ScriptedGenerator((_, _) => "Feedback: x");
        var grader = new TwoStageGrader(new FixedScoreGrader(double.NaN), generator, Settings);

        var result = (await grader.GradeAsync([GraderRequests.For("It is reliable.")]))[0];

        Assert.True(double.IsNaN(result.Score));
        Assert.Empty(generator.Calls.SelectMany(c => c.Prompts));
    }

    [Fact]
    public async Task GradeAsync_DecoderWritesAScore_ItIsIgnored()
    {
        var generator = new ScriptedGenerator((_, _) => "Score: 4\nFeedback: Great.");
        var grader = new TwoStageGrader(new FixedScoreGrader(1), generator, Settings);

        var result = (await grader.GradeAsync([GraderRequests.For("It is reliable.")]))[0];

        Assert.Equal(1, result.Score);
    }
}
