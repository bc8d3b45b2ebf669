using Grading.Inference.Head;
using static Grading.Inference.Tests.Head.FeedbackComposerTests;

namespace Grading.Inference.Tests.Head;

public sealed class FeedbackPoolTests
{
    [Fact]
    public void Of_RepeatedAndMissingFeedback_KeepsEachTextOnceAndMapsEveryExample()
    {
        ContextExample[] examples =
        [
            Example(Unit(1, 0), 1, "Correct."),
            Example(Unit(1, 0), 0, "Incorrect."),
            Example(Unit(1, 0), 1, "Correct."),
            new(Unit(1, 0), 1, null, null, []),
        ];

        var pool = FeedbackPool.Of(examples);

        Assert.Equal(["Correct.", "Incorrect."], pool.Texts);
        Assert.Equal([0, 1, 0, -1], pool.TextOfExample);
    }

    [Fact]
    public void Of_TwoTexts_AgreementIsTheMeanOfRouge1AndRougeLBothWays()
    {
        var pool = FeedbackPool.Of([Example(Unit(1, 0), 1, "the answer is correct"), Example(Unit(1, 0), 0, "the answer is wrong")]);

        // 3 of 4 words shared, in order: ROUGE-1 and ROUGE-L F1 are both 0.75.
        Assert.Equal(0.75, pool.Agreement[0, 1], 9);
        Assert.Equal(pool.Agreement[0, 1], pool.Agreement[1, 0]);
        Assert.Equal((1.0, 1.0), (pool.Agreement[0, 0], pool.Agreement[1, 1]));
    }

    [Fact]
    public void Of_SameExampleList_BuildsThePoolOnce()
    {
        ContextExample[] examples = [Example(Unit(1, 0), 1, "Correct.")];

        Assert.Same(FeedbackPool.Of(examples), FeedbackPool.Of(examples));
        Assert.NotSame(FeedbackPool.Of(examples), FeedbackPool.Of(examples.ToArray()));
    }
}
