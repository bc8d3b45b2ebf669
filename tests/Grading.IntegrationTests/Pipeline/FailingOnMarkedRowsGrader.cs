using Grading.Core.Grading;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.IntegrationTests.Pipeline;

/// <summary>Fault injection: the real grader, except that any answer containing <see cref="Marker"/> makes it throw.</summary>
internal sealed class FailingOnMarkedRowsGrader(IGrader inner) : IGrader
{
    public const string Marker = "[grader-fault]";

    public string Name => inner.Name;

    public string ModelVersion => inner.ModelVersion;

    public int Calls;

    /// <summary>Wraps whatever grader the host registered, however it was registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrader));
        services.Remove(registered);
        services.AddSingleton<IGrader>(sp => new FailingOnMarkedRowsGrader(
            registered.ImplementationInstance as IGrader
            ?? (IGrader?)registered.ImplementationFactory?.Invoke(sp)
            ?? (IGrader)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
    }

    public Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Calls);
        if (requests.Any(r => r.Submission.Answer.Contains(Marker, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("injected grader fault");
        }

        return inner.GradeAsync(requests, cancellationToken);
    }
}
