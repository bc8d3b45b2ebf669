using Grading.Core.Grading;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.Inference.Hosting;

/// <summary>
/// Picks the grader for one batch: the one the batch asks for (see <see cref="GraderKinds"/>), or the host's configured
/// <see cref="IGrader"/> when it asks for none. Graders are singletons, so a batch that names one loads it once per process.
/// </summary>
public sealed class GraderCatalog(IServiceProvider services)
{
    public IGrader For(string? kind)
    {
        if (string.IsNullOrEmpty(kind))
        {
            return services.GetRequiredService<IGrader>();
        }

        return IsKnown(kind)
            ? services.GetRequiredKeyedService<IGrader>(kind)
            : throw new ArgumentException($"Unknown grader '{kind}'. Use one of: {string.Join(", ", GraderKinds.Selectable)}.", nameof(kind));
    }

    public static bool IsKnown(string kind) => GraderKinds.Selectable.Contains(kind);
}
