using Grading.Core.Batches;
using Grading.Core.Domain;
using Grading.Core.Safety;

namespace Grading.Core.Tests.Safety;

/// <summary>The shipped corpus and the sample assignment its attempts answer, copied next to the tests at build.</summary>
internal static class InjectionCorpus
{
    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "Safety", "Data");

    public static IReadOnlyList<InjectionAttempt> Attempts { get; } = InjectionAttempt.ReadCorpus(Path.Combine(DataFolder, "injection-corpus.jsonl"));

    public static Assignment Assignment { get; } = AssignmentReader.Read(File.ReadAllBytes(Path.Combine(DataFolder, "intro-science", "assignment.json")), fallbackId: "intro-science");

    public static IReadOnlyList<Submission> SampleAnswers { get; } = BatchParser.Parse(
        File.ReadAllBytes(Path.Combine(DataFolder, "intro-science", "batch.csv")), BatchFormat.Csv, Assignment, "intro-science").Submissions;

    public static Question QuestionOf(InjectionAttempt attempt) => Assignment.FindQuestion(attempt.QuestionId)!;

    public static TheoryData<string> Ids() => new(Attempts.Select(a => a.Id));

    public static InjectionAttempt Get(string id) => Attempts.Single(a => a.Id == id);
}
