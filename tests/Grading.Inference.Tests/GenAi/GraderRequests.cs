using Grading.Core.Domain;
using Grading.Core.Grading;

namespace Grading.Inference.Tests.GenAi;

internal static class GraderRequests
{
    public static readonly Question Question = new("q1", "What does TCP guarantee?", ["Ordered, reliable delivery of a byte stream."], 4);

    public static GradingRequest For(string answer, string id = "s1") => new(new Submission(id, "a1", Question.Id, answer), Question);

    public static IReadOnlyList<GradingRequest> Several(int count)
        => Enumerable.Range(0, count).Select(i => For($"Answer number {i}: TCP retransmits lost segments.", $"s{i}")).ToList();
}
