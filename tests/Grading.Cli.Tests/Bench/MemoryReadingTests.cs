using Grading.Cli.Bench;

namespace Grading.Cli.Tests.Bench;

public sealed class MemoryReadingTests
{
    [Theory]
    [InlineData(new[] { 80.0, 82.0, 83.0 }, new[] { 500.0, 510.0, 520.0 }, false)]
    [InlineData(new[] { 80.0, 150.0, 85.0 }, new[] { 500.0, 700.0, 520.0 }, false)]
    [InlineData(new[] { 80.0, 90.0, 100.0 }, new[] { 500.0, 510.0, 520.0 }, true)]
    [InlineData(new[] { 300.0, 310.0, 325.0 }, new[] { 900.0, 900.0, 900.0 }, false)]
    [InlineData(new[] { 80.0, 80.0, 80.0 }, new[] { 500.0, 600.0, 700.0 }, true)]
    [InlineData(new[] { 80.0 }, new[] { 500.0 }, false)]
    public void IsGrowing_LastRoundAgainstFirst_FollowsTheStatedRule(double[] gcHeapMb, double[] workingSetMb, bool growing)
    {
        var readings = gcHeapMb.Zip(workingSetMb, (heap, set) => new MemoryReading(set, heap)).ToList();

        Assert.Equal(growing, MemoryReading.IsGrowing(readings));
    }

    [Fact]
    public void Take_AfterAllocatingAndDropping_HeapIsReadAfterACollection()
    {
        var reading = MemoryReading.Take();

        Assert.InRange(reading.GcHeapMb, 0.1, reading.WorkingSetMb);
    }
}
