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
    public void IsSafe_EscapingOrMalformedName_IsFalse(string name) => Assert.False(BlobNames.IsSafe(name));
}
