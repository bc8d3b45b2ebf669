using Grading.Orchestration.Api;

namespace Grading.Orchestration.Tests.Api;

public sealed class BlobNamesTests
{
    [Theory]
    [InlineData("quiz-1/week3.csv")]
    [InlineData("a b/c.jsonl")]
    public void IsSafe_RelativeName_IsTrue(string name) => Assert.True(BlobNames.IsSafe(name));

    [Theory]
    [InlineData("../secret.csv")]
    [InlineData("quiz/../../x.csv")]
    [InlineData("/abs.csv")]
    [InlineData("a//b.csv")]
    [InlineData("a\\b.csv")]
    [InlineData("a/\n.csv")]
    [InlineData("")]
    [InlineData("%2e%2e/reports/x.csv")]
    [InlineData("quiz/%2E%2E%2F%2E%2E%2Fx.csv")]
    [InlineData("https://evil.example/x.csv")]
    public void IsSafe_EscapingOrMalformedName_IsFalse(string name) => Assert.False(BlobNames.IsSafe(name));
}
