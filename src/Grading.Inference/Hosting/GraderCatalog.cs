using System.Collections.Concurrent;
using Grading.Core.Grading;
using Grading.Core.Safety;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.Inference.Hosting;

/// <summary>
/// Picks the grader for one batch: the one the batch asks for (see <see cref="GraderKinds"/>), or the host's configured
/// <see cref="IGrader"/> when it asks for none. Graders are singletons, so a batch that names one loads it once per process.
/// Every grader it hands out is a <see cref="ScreenedGrader"/>: no kind of grader sees an unscreened answer.
/// </summary>
public sealed class GraderCatalog(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, ScreenedGrader> screened = new(StringComparer.Ordinal);

    public IGrader For(string? kind)
    {
        if (string.IsNullOrEmpty(kind))
        {
            return services.GetRequiredService<IGrader>();
        }

        return IsKnown(kind)
            ? screened.GetOrAdd(kind, key => new ScreenedGrader(services.GetRequiredKeyedService<IGrader>(key)))
            : throw new ArgumentException($"Unknown grader '{kind}'. Use one of: {string.Join(", ", GraderKinds.Selectable)}.", nameof(kind));
    }

    public static bool IsKnown(string kind) => GraderKinds.Selectable.Contains(kind);
}
