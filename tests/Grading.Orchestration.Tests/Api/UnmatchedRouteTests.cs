using Grading.Orchestration.Api;

namespace Grading.Orchestration.Tests.Api;

public sealed class UnmatchedRouteTests
{
    [Theory]
    [InlineData("/api/batches/{id}/results", "/api/batches/b-1/results")]
    [InlineData("/api/batches/{id}", "/api/batches/b-1/")]
    [InlineData("/api/grade", "/API/Grade")]
    public void Matches_PathOfTheTemplatesShape_IsTrue(string template, string path) => Assert.True(UnmatchedRoute.Matches(template, path));

    [Theory]
    [InlineData("/api/batches/{id}/results", "/api/batches/b-1")]
    [InlineData("/api/batches/{id}", "/api/batches//")]
    [InlineData("/api/grade", "/api/grades")]
    [InlineData("/api/batches/{id}", "/api/batches/a/b")]
    public void Matches_OtherShape_IsFalse(string template, string path) => Assert.False(UnmatchedRoute.Matches(template, path));
}
