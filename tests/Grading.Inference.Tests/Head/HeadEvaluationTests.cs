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

        var answers = evaluation.CrossValidate(fixture.Questions, CrossValidationMode.Answers, folds: 2).Answers;

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

        var answers = evaluation.CrossValidate(fixture.Questions, CrossValidationMode.Questions, folds: 3).Answers;

        Assert.Equal(24, answers.Count);
        Assert.All(answers, a => Assert.StartsWith(a.PredictedLabel + ".", a.PredictedFeedback));
    }

    [Fact]
    public void TrainTest_TestQuestionKnownFromTraining_UsesItsTrainingAnswersAsExamples()
    {
        var evaluation = new HeadEvaluation(fixture.Embedder, SafMiniHeadFixture.SmallData);
        var known = fixture.Questions[0];
        var test = new[] { known with { Answers = [known.Answers[0] with { Id = "new", Text = "Both hosts agree on initial sequence numbers." }] } };

        var answer = Assert.Single(evaluation.TrainTest(fixture.Questions, test, fixture.Head).Answers);

        Assert.Contains(answer.PredictedFeedback, known.Answers.Select(a => a.Feedback));
    }

    [Fact]
    public void CrossValidate_ByAnswers_BaselinesPredictFromTheOtherFoldsOfTheSameQuestionOnly()
    {
        var evaluation = new HeadEvaluation(fixture.Embedder, SafMiniHeadFixture.SmallData);

        var baselines = evaluation.CrossValidate(fixture.Questions, CrossValidationMode.Answers, folds: 2).Baselines;

        Assert.Equal(fixture.Questions.SelectMany(q => q.Answers.Select(a => a.Id)).Order(), baselines.Select(a => a.SubmissionId).Order());
        foreach (var answer in baselines)
        {
            var question = fixture.Questions.Single(q => q.Question.Id == answer.QuestionId);
            var others = question.Answers.Where(a => a.Id != answer.SubmissionId).Select(a => a.Score).ToArray();
            Assert.InRange(answer.MeanScore, others.Min(), others.Max());
            Assert.Equal(BaselineMetrics.Neighbours.Count, answer.NeighbourScores!.Count);
            Assert.Contains(answer.NearestFeedback, question.Answers.Select(a => a.Feedback));
        }
    }

    [Fact]
    public void CrossValidate_ByQuestions_BaselinesHaveNoNeighboursAndOneMeanPerFold()
    {
        var evaluation = new HeadEvaluation(fixture.Embedder, SafMiniHeadFixture.SmallData);

        var baselines = evaluation.CrossValidate(fixture.Questions, CrossValidationMode.Questions, folds: 3).Baselines;

        Assert.Equal(24, baselines.Count);
        Assert.All(baselines, a => Assert.Null(a.NeighbourScores));
        Assert.All(baselines, a => Assert.Null(a.NearestFeedback));
        Assert.InRange(baselines.Select(a => a.MeanScore / a.MaxScore).Distinct().Count(), 1, 3);
    }

    [Fact]
    public void TrainTest_KnownQuestion_BaselineCopiesTheNearestTrainingAnswersFeedback()
    {
        var evaluation = new HeadEvaluation(fixture.Embedder, SafMiniHeadFixture.SmallData);
        var known = fixture.Questions[0];
        var copied = known.Answers[3];
        var test = new[] { known with { Answers = [copied with { Id = "new", Feedback = "the tutor's own words" }] } };

        var baseline = Assert.Single(evaluation.TrainTest(fixture.Questions, test, fixture.Head).Baselines);

        // The test answer's text is a training answer's own, so that answer is its nearest neighbour.
        Assert.Equal(copied.Feedback, baseline.NearestFeedback);
        Assert.Equal(known.Answers.Average(a => a.Score), baseline.MeanScore, 9);
    }
}
