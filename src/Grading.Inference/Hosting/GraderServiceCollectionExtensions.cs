using Grading.Core.Grading;
using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.Inference.Hosting;

public static class GraderServiceCollectionExtensions
{
    /// <summary>The default CPU grader: one MiniLM encoder per process (loading it is slow; it is thread-safe).</summary>
    public static IServiceCollection AddGraders(this IServiceCollection services)
    {
        services.AddSingleton<ITextEmbedder>(_ => new MiniLmEmbedder());
        services.AddSingleton<IGrader, SimilarityGrader>();
        return services;
    }
}
