using Grading.Core.Grading;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.IntegrationTests.Regrade;

/// <summary>
/// The real grader, with a model version a test can change (a new model deployed) and optionally every confidence
/// forced to zero (every grade flagged needsReview).
/// </summary>
internal sealed class AdjustableGrader(IGrader inner) : IGrader
{
    public string Name => inner.Name;

    public string ModelVersion { get; set; } = inner.ModelVersion;

    public bool NoConfidence { get; set; }

    public int Answers;

    /// <summary>Replaces whatever grader the host registered with an adjustable wrapper around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrader));
        services.Remove(registered);
        services.AddSingleton<AdjustableGrader>(sp => new AdjustableGrader(
            registered.ImplementationInstance as IGrader
            ?? (IGrader?)registered.ImplementationFactory?.Invoke(sp)
            ?? (IGrader)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
        services.AddSingleton<IGrader>(sp => sp.GetRequiredService<AdjustableGrader>());
    }

    public async Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref Answers, requests.Count);
        var results = await inner.GradeAsync(requests, cancellationToken);
        return NoConfidence ? results.Select(r => r with { Confidence = 0 }).ToList() : results;
    }
}
