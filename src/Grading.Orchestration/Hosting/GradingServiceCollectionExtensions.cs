using Grading.Inference.Hosting;
using Grading.Orchestration.Activities;
using Grading.Orchestration.Api;
using Grading.Orchestration.Client;
using Grading.Orchestration.Options;
using Grading.Orchestration.Regrade;
using Grading.Orchestration.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grading.Orchestration.Hosting;

public static class GradingServiceCollectionExtensions
{
    /// <summary>
    /// Everything a grading host needs except the Durable engine itself (the Functions host and the local host each
    /// bring their own): options validated at start, storage clients, stores, and the batch and re-grade clients.
    /// The grader comes from Grading.Inference; a host may register its own <see cref="Core.Grading.IGrader"/> after this call.
    /// </summary>
    public static IServiceCollection AddGrading(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GradingOptions>()
            .Bind(configuration.GetSection(GradingOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Storage.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(o.Storage)).ToList() is { Count: 0 },
                "Set Grading:Storage:ConnectionString (local) or Grading:Storage:AccountName / BlobServiceUri (Azure, managed identity).")
            .ValidateOnStart();

        services.AddOptions<RegradeOptions>()
            .Bind(configuration.GetSection(RegradeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new GradingStorage(sp.GetRequiredService<IOptions<GradingOptions>>().Value.Storage));
        services.AddSingleton<GraderGate>();
        services.AddSingleton<BatchWorkStore>();
        services.AddSingleton<GradeStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<BatchClient>();
        services.AddSingleton<RegradeClient>();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GradingApi>();
        services.AddSingleton<RegradeApi>();
        services.AddGraders(configuration);
        return services;
    }
}
