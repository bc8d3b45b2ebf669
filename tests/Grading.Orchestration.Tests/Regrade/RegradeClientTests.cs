using Grading.Orchestration.Regrade;

namespace Grading.Orchestration.Tests.Regrade;

public sealed class RegradeClientTests
{
    private static readonly DateTimeOffset Occurrence = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InstanceId_SameRequestInOneSlot_IsTheSame()
    {
        var request = new RegradeRequest("quiz-1", "nightly", false);

        var first = RegradeClient.InstanceId(request, Occurrence.AddSeconds(1), TimeSpan.FromHours(1));
        var second = RegradeClient.InstanceId(request, Occurrence.AddMinutes(59), TimeSpan.FromHours(1));

        Assert.Equal(first, second);
        Assert.StartsWith("regrade-quiz-1-20261129T0200-", first, StringComparison.Ordinal);
    }

    [Fact]
    public void InstanceId_NextSlotOtherReasonOrReviewChoice_Differs()
    {
        var request = new RegradeRequest(null, "nightly", false);
        var slot = TimeSpan.FromHours(1);
        var id = RegradeClient.InstanceId(request, Occurrence, slot);

        Assert.NotEqual(id, RegradeClient.InstanceId(request, Occurrence.AddHours(1), slot));
        Assert.NotEqual(id, RegradeClient.InstanceId(request with { Reason = "rubric fixed" }, Occurrence, slot));
        Assert.NotEqual(id, RegradeClient.InstanceId(request with { IncludeNeedsReview = true }, Occurrence, slot));
        Assert.StartsWith("regrade-all-", id, StringComparison.Ordinal);
    }
}
