using Grading.Core.Metrics;
using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

[Collection(SafMiniHeadCollection.Name)]
public sealed class HeadEvaluationTests(SafMiniHeadFixture fixture)
{
    [Fact]
    public void CrossValidate_ByAnswers_GradesEveryAnswerOnceWithTutorFeedback()
    {
        var evaluation = new HeadEvaluation(fixture.Embedder, SafMiniHeadFixture.SmallData);

        var answers = evaluation.CrossValidate(fixture.Questions, CrossValidationMode.Answers, folds: 2);

        Assert.Equal(fixture.Questions.SelectMany(q => q.Answers.Select(a => a.Id)).Order(), answers.Select(a => a.SubmissionId).Order());
        var tutorFeedback = fixture.Questions.SelectMany(q => q.Answers.Select(a => a.Feedback)).ToHashSet();
        Assert.All(answers, a => Assert.Contains(a.PredictedFeedback, tutorFeedback));
        Assert.All(answers, a => Assert.InRange(a.PredictedScore, 0, a.MaxScore));
        Assert.Equal(24, EvaluationMetrics.Compute(answers).N);
    }

    [Fact]
    public void CrossValidate_ByQuestions_GradesUnseenQuestionsAgainstTheReferenceOnly()
    {
        var evaluation = new HeadEvaluation(fixture.Embedder, SafMiniHeadFixture.SmallData);

        var answers = evaluation.CrossValidate(fixture.Questions, CrossValidationMode.Questions, folds: 3);

        Assert.Equal(24, answers.Count);
        Assert.All(answers, a => Assert.StartsWith(a.PredictedLabel + ".", a.PredictedFeedback));
    }

    [Fact]
    public void TrainTest_TestQuestionKnownFromTraining_UsesItsTrainingAnswersAsExamples()
    {
        var evaluation = new HeadEvaluation(fixture.Embedder, SafMiniHeadFixture.SmallData);
        var known = fixture.Questions[0];
        var test = new[] { known with { Answers = [known.Answers[0] with { Id = "new", Text = "Both hosts agree on initial sequence numbers." }] } };

        var answer = Assert.Single(evaluation.TrainTest(fixture.Questions, test, fixture.Head));

        Assert.Contains(answer.PredictedFeedback, known.Answers.Select(a => a.Feedback));
    }
}
