using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Inference.Head;
using Grading.Inference.Tests.Similarity;

namespace Grading.Inference.Tests.Head;

[Collection(SafMiniHeadCollection.Name)]
public sealed class EncoderHeadGraderTests(SafMiniHeadFixture fixture)
{
    private Question WithExamples(string id)
    {
        var labelled = fixture.Questions.Single(q => q.Question.Id == id);
        return labelled.Question with { Examples = labelled.Answers.Select(a => new GradedExample(a.Text, a.Score, a.Feedback)).ToArray() };
    }

    [Fact]
    public async Task GradeAsync_QuestionWithExamples_FeedbackIsOneATutorWroteForIt()
    {
        var question = WithExamples("m2");
        var grader = new EncoderHeadGrader(fixture.Embedder, fixture.Head);

        var results = await grader.GradeAsync([Request(question, "A switch forwards each frame only to the port where the destination MAC address lives; a hub repeats it everywhere.")]);

        var result = Assert.Single(results);
        Assert.Contains(result.Feedback, question.ExamplesOrEmpty.Select(e => e.Feedback));
        Assert.InRange(result.Score, 0, question.MaxScore);
        Assert.InRange(result.Confidence, 0, 1);
        Assert.Contains(result.Label, new[] { GradeLabel.Correct, GradeLabel.PartiallyCorrect, GradeLabel.Incorrect });
    }

    [Fact]
    public async Task GradeAsync_QuestionWithoutExamples_FeedbackComparesWithTheReference()
    {
        var question = fixture.Questions.Single(q => q.Question.Id == "m3").Question;
        var grader = new EncoderHeadGrader(fixture.Embedder, fixture.Head);

        var result = (await grader.GradeAsync([Request(question, "UDP has less delay.")]))[0];

        Assert.StartsWith(result.Label + ".", result.Feedback);
        Assert.Contains("mention", result.Feedback);
        Assert.InRange(result.Score, 0, question.MaxScore);
    }

    [Fact]
    public async Task GradeAsync_EmptyAnswer_IsIncorrectAndFlagged()
    {
        var grader = new EncoderHeadGrader(fixture.Embedder, fixture.Head);

        var result = (await grader.GradeAsync([Request(WithExamples("m1"), "  ")]))[0];

        Assert.Equal((0.0, GradeLabel.Incorrect), (result.Score, result.Label));
        Assert.Contains("answer is empty", result.ReviewReasons);
    }

    [Fact]
    public async Task GradeAsync_SeveralChunksOfOneQuestion_EmbedsReferenceAndExamplesOnce()
    {
        var counting = new CountingEmbedder(fixture.Embedder);
        var question = WithExamples("m1");
        var grader = new EncoderHeadGrader(counting, fixture.Head);

        await grader.GradeAsync([Request(question, "To agree on sequence numbers.")]);
        await grader.GradeAsync([Request(question, "To check the server is up."), Request(question, "No idea.")]);

        Assert.Equal(1, counting.TimesEmbedded(question.ReferenceAnswers[0]));
        Assert.Equal(1, counting.TimesEmbedded(question.ExamplesOrEmpty[0].Answer));
    }

    [Fact]
    public async Task GradeAsync_ChunkOrSingly_GivesTheSameResultsInRequestOrder()
    {
        var grader = new EncoderHeadGrader(fixture.Embedder, fixture.Head);
        // Enough answers of both heads for the chunk's answers to be graded on several threads at once.
        var requests = Enumerable.Range(0, 8).SelectMany(i => new[]
        {
            Request(WithExamples("m1"), $"Both sides agree on initial sequence numbers, {i} times."),
            Request(fixture.Questions[2].Question, $"UDP is faster but can lose {i} packets."),
            Request(WithExamples("m2"), $"A hub works on layer {i}."),
        }).ToArray();

        var chunk = await grader.GradeAsync(requests);
        var singly = new List<GraderResult>();
        foreach (var request in requests)
        {
            singly.AddRange(await grader.GradeAsync([request]));
        }

        Assert.Equal(singly.Select(r => (r.Score, r.Feedback)), chunk.Select(r => (r.Score, r.Feedback)));
    }

    [Fact]
    public void ModelVersion_NamesTheHeadVersion()
    {
        var grader = new EncoderHeadGrader(fixture.Embedder, fixture.Head);

        Assert.Equal($"minilm-l6-v2+head-{fixture.Head.Version}+rules-{EncoderHeadGrader.RulesVersion}", grader.ModelVersion);
    }

    private static GradingRequest Request(Question question, string answer) =>
        new(new Submission(Guid.NewGuid().ToString("N"), "a1", question.Id, answer), question);
}
