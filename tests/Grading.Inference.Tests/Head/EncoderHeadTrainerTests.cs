using Grading.Core.Domain;
using Grading.Inference.Embeddings;
using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

public sealed class EncoderHeadTrainerTests
{
    [Fact]
    public void StratifiedFolds_TenAnswersAtTwoScores_EachOfFiveFoldsGetsOneAnswerOfEachScore()
    {
        var answers = Enumerable.Range(0, 10).Select(i => new LabelledAnswer($"a{i}", "text", i % 2 == 0 ? 0 : 2, null, null)).ToArray();
        var question = new EmbeddedQuestion(new LabelledQuestion(new Question("q", "Why?", ["Because."], 2), answers), Enumerable.Repeat(new TextEncoding([], TokenStates.None), 10).ToArray());

        var folds = EncoderHeadTrainer.StratifiedFolds(question, Enumerable.Range(0, 10).ToArray(), 5, new Random(3));

        foreach (var fold in Enumerable.Range(0, 5))
        {
            var scores = Enumerable.Range(0, 10).Where(i => folds[i] == fold).Select(i => answers[i].Score).Order().ToArray();
            Assert.Equal([0.0, 2.0], scores);
        }
    }
}
