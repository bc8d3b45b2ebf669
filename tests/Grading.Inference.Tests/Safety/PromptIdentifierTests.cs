using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Core.Prompts;
using Grading.Inference.GenAi;
using Grading.Inference.Tests.GenAi;

namespace Grading.Inference.Tests.Safety;

/// <summary>
/// Student identifiers never go into prompts: the submission id (often a student number or name) and the assignment
/// id reach neither the grading prompt nor the feedback prompt, whatever grader builds them.
/// </summary>
public sealed class PromptIdentifierTests
{
    private const string StudentId = "jane.doe-s4711";
    private const string AssignmentId = "cs101-exam-room-b12";

    private static readonly DecoderGraderSettings Settings = new(ChatTemplate.ChatMl, OutputFormat.Lines, 64, 4, "test-model", "1");

    private static GradingRequest Request() =>
        new(new Submission(StudentId, AssignmentId, GraderRequests.Question.Id, "TCP retransmits lost segments and keeps them in order.", HumanScore: 3, HumanFeedback: "Good."), GraderRequests.Question);

    [Fact]
    public async Task GenAiGrader_GradingPrompt_HoldsNoStudentOrAssignmentId()
    {
        var generator = new ScriptedGenerator((_, _) => "Score: 3\nFeedback: Fine.");

        await new GenAiGrader(generator, Settings).GradeAsync([Request()]);

        AssertNoIdentifiers(generator);
    }

    [Fact]
    public async Task TwoStageGrader_FeedbackPrompt_HoldsNoStudentOrAssignmentId()
    {
        var generator = new ScriptedGenerator((_, _) => "Feedback: Mention ordering.");

        await new TwoStageGrader(new FixedScoreGrader(2), generator, Settings).GradeAsync([Request()]);

        AssertNoIdentifiers(generator);
    }

    private static void AssertNoIdentifiers(ScriptedGenerator generator)
    {
        var prompts = generator.Calls.SelectMany(c => c.Prompts).ToList();
        Assert.NotEmpty(prompts);
        Assert.All(prompts, prompt =>
        {
            Assert.Contains("TCP retransmits lost segments", prompt, StringComparison.Ordinal);
            Assert.DoesNotContain("jane", prompt, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("4711", prompt, StringComparison.Ordinal);
            Assert.DoesNotContain("cs101", prompt, StringComparison.OrdinalIgnoreCase);
        });
    }
}
