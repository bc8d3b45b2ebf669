using System.Diagnostics;

namespace Grading.Cli.Bench;

/// <summary>This process's memory, in MB: working set, and the managed heap after a full blocking, compacting collection.</summary>
internal sealed record MemoryReading(double WorkingSetMb, double GcHeapMb)
{
    private const double Megabyte = 1024 * 1024;

    public static MemoryReading Take()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new MemoryReading(Math.Round(process.WorkingSet64 / Megabyte, 1), Math.Round(GC.GetTotalMemory(forceFullCollection: false) / Megabyte, 1));
    }

    /// <summary>
    /// The rule for memory_growing: after the last round the managed heap (after a full collection) is more than 10% and
    /// more than 8 MB above its size after the first round, or the working set is more than 25% and more than 64 MB above
    /// it. The first round is the baseline because it also pays for warming up (model load, JIT, connection pools).
    /// </summary>
    public const string Rule = "GC heap after the last round > first round + max(10%, 8 MB), or working set > first + max(25%, 64 MB)";

    public static bool IsGrowing(IReadOnlyList<MemoryReading> rounds)
    {
        if (rounds.Count < 2)
        {
            return false;
        }

        var (first, last) = (rounds[0], rounds[^1]);
        return last.GcHeapMb - first.GcHeapMb > Math.Max(0.10 * first.GcHeapMb, 8)
            || last.WorkingSetMb - first.WorkingSetMb > Math.Max(0.25 * first.WorkingSetMb, 64);
    }
}
