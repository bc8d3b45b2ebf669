using System.Diagnostics;
using Grading.Core.Grading;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.Cli.Bench;

/// <summary>
/// The host's grader, timed: how long grader calls ran in all, and from the first call's start to the last one's end.
/// The benchmark uses it to say where the pipeline's time goes (grading itself, gaps between chunks, before and after).
/// </summary>
internal sealed class TimedGrader(IGrader inner) : IGrader
{
    private readonly Lock gate = new();
    private long busyTicks;
    private long? firstStart;
    private long lastEnd;

    public string Name => inner.Name;

    public string ModelVersion => inner.ModelVersion;

    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrader));
        services.Remove(registered);
        services.AddSingleton(sp => new TimedGrader(
            registered.ImplementationInstance as IGrader
            ?? (IGrader?)registered.ImplementationFactory?.Invoke(sp)
            ?? (IGrader)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
        services.AddSingleton<IGrader>(sp => sp.GetRequiredService<TimedGrader>());
    }

    /// <summary>Grader time since the last reset: the sum of call durations, and first start to last end.</summary>
    public (TimeSpan Busy, TimeSpan Span) Reset()
    {
        lock (gate)
        {
            var result = (TimeSpan.FromTicks(busyTicks), firstStart is { } start ? Stopwatch.GetElapsedTime(start, lastEnd) : TimeSpan.Zero);
            (busyTicks, firstStart, lastEnd) = (0, null, 0);
            return result;
        }
    }

    public async Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.GradeAsync(requests, cancellationToken);
        }
        finally
        {
            var end = Stopwatch.GetTimestamp();
            lock (gate)
            {
                busyTicks += Stopwatch.GetElapsedTime(start, end).Ticks;
                firstStart ??= start;
                lastEnd = Math.Max(lastEnd, end);
            }
        }
    }
}
