using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Inference.Similarity;
using Grading.Inference.Tests.Embeddings;

namespace Grading.Inference.Tests.Similarity;

[Collection(MiniLmCollection.Name)]
public sealed class SimilarityGraderTests(MiniLmEmbedderFixture fixture)
{
    private static readonly Question Photosynthesis = new(
        "q-photosynthesis",
        "What happens during photosynthesis?",
        [SampleTexts.PhotosynthesisReference],
        MaxScore: 2);

    private const string Paraphrase =
        "Plants take in sunlight, water and CO2 and turn the light energy into chemical energy as glucose, giving off oxygen.";

    private const string OffTopic = "The French Revolution began in 1789 and ended the monarchy.";

    private const string PartialAnswer = "Plants use sunlight to make glucose.";

    [Fact]
    public async Task GradeAsync_ParaphraseAndOffTopicAnswer_ParaphraseScoresHigher()
    {
        var results = await Grade(Photosynthesis, Paraphrase, OffTopic);

        Assert.True(results[0].Score > results[1].Score, $"paraphrase {results[0].Score}, off-topic {results[1].Score}");
        Assert.Equal(GradeLabel.Incorrect, results[1].Label);
    }

    [Fact]
    public async Task GradeAsync_VariedAnswers_ScoresStayWithinZeroAndMaxScore()
    {
        var results = await Grade(Photosynthesis, Paraphrase, OffTopic, PartialAnswer, SampleTexts.PhotosynthesisReference, "?", "");

        Assert.All(results, result => Assert.InRange(result.Score, 0, Photosynthesis.MaxScore));
        Assert.All(results, result => Assert.InRange(result.Confidence, 0, 1));
    }

    [Fact]
    public async Task GradeAsync_AnswerMissingKeyTerm_FeedbackNamesMissedTerm()
    {
        var result = (await Grade(Photosynthesis, PartialAnswer))[0];

        Assert.Contains("\"carbon\"", result.Feedback, StringComparison.Ordinal);
        Assert.Contains("does not mention", result.Feedback, StringComparison.Ordinal);
        Assert.StartsWith(result.Label + ".", result.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GradeAsync_MixedQuestions_ReturnsResultsInRequestOrder()
    {
        var capital = new Question("q-capital", "What is the capital of France?", ["Paris is the capital of France."], MaxScore: 1);
        var grader = new SimilarityGrader(fixture.Embedder);
        GradingRequest[] requests =
        [
            Request(Photosynthesis, OffTopic, "s1"),
            Request(capital, "The capital of France is Paris.", "s2"),
            Request(Photosynthesis, Paraphrase, "s3"),
            Request(capital, "Photosynthesis makes glucose.", "s4"),
        ];

        var chunk = await grader.GradeAsync(requests);
        var oneByOne = new List<GraderResult>();
        foreach (var request in requests)
        {
            oneByOne.AddRange(await grader.GradeAsync([request]));
        }

        Assert.Equal(oneByOne.Select(result => result.Score), chunk.Select(result => result.Score));
        Assert.True(chunk[1].Score > chunk[3].Score);
        Assert.True(chunk[2].Score > chunk[0].Score);
    }

    [Fact]
    public async Task GradeAsync_SeveralChunksForSameQuestion_EmbedsReferenceOnce()
    {
        var counting = new CountingEmbedder(fixture.Embedder);
        var grader = new SimilarityGrader(counting);

        await grader.GradeAsync([Request(Photosynthesis, Paraphrase), Request(Photosynthesis, OffTopic)]);
        await grader.GradeAsync([Request(Photosynthesis, PartialAnswer)]);

        Assert.Equal(1, counting.TimesEmbedded(SampleTexts.PhotosynthesisReference));
        Assert.Equal(1, counting.TimesEmbedded(PartialAnswer));
    }

    [Fact]
    public async Task GradeAsync_ChangedReferenceAnswer_EmbedsNewReference()
    {
        var counting = new CountingEmbedder(fixture.Embedder);
        var grader = new SimilarityGrader(counting);
        var edited = Photosynthesis with { ReferenceAnswers = ["Plants make glucose and oxygen from light, water and carbon dioxide."] };

        await grader.GradeAsync([Request(Photosynthesis, Paraphrase)]);
        await grader.GradeAsync([Request(edited, Paraphrase)]);

        Assert.Equal(1, counting.TimesEmbedded(edited.ReferenceAnswers[0]));
    }

    [Fact]
    public async Task GradeAsync_EmptyAnswer_ScoresZeroAndAsksForReview()
    {
        var result = (await Grade(Photosynthesis, "   "))[0];

        Assert.Equal(0, result.Score);
        Assert.Contains("answer is empty", result.ReviewReasons);
    }

    [Fact]
    public async Task GradeAsync_AnswerFarLongerThanReference_AsksForReview()
    {
        var result = (await Grade(Photosynthesis, SampleTexts.LongOffTopicText + " " + Paraphrase))[0];

        Assert.Contains(result.ReviewReasons, reason => reason.Contains("longest reference answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GradeAsync_CloseGradedExample_PullsScoreTowardsItsScore()
    {
        // The teacher gave this exact wording zero; a near-identical answer should now score lower than without examples.
        var withExamples = Photosynthesis with { Examples = [new GradedExample(PartialAnswer, 0), new GradedExample(Paraphrase, 2)] };

        var plain = (await Grade(Photosynthesis, PartialAnswer))[0];
        var anchored = (await Grade(withExamples, PartialAnswer))[0];

        Assert.True(anchored.Score < plain.Score, $"with examples {anchored.Score}, without {plain.Score}");
    }

    private async Task<IReadOnlyList<GraderResult>> Grade(Question question, params string[] answers)
    {
        var grader = new SimilarityGrader(fixture.Embedder);
        return await grader.GradeAsync(answers.Select((answer, i) => Request(question, answer, $"s{i}")).ToArray());
    }

    private static GradingRequest Request(Question question, string answer, string submissionId = "s") =>
        new(new Submission(submissionId, "a1", question.Id, answer), question);
}
