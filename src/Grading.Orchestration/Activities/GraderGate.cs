using Grading.Orchestration.Options;
using Microsoft.Extensions.Options;

namespace Grading.Orchestration.Activities;

/// <summary>
/// Bounds the grader calls in flight in this process (<see cref="GradingOptions.MaxConcurrentGraderCalls"/>).
/// Many chunks run at once so their blob reads and writes overlap the grading, but a CPU grader already uses every
/// core for one call and serialises the rest: without this gate each waiting chunk would block a thread-pool thread,
/// starving the engine's and the storage client's I/O in the same process. Waiting here is asynchronous.
/// </summary>
public sealed class GraderGate(IOptions<GradingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentGraderCalls, options.Value.MaxConcurrentGraderCalls);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await slots.WaitAsync(cancellationToken);
        return new Slot(slots);
    }

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
