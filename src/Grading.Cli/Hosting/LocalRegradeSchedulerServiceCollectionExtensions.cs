using Microsoft.Extensions.DependencyInjection;

namespace Grading.Cli.Hosting;

public static class LocalRegradeSchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Runs the scheduled re-grade in this host on Grading:Regrade:Cron, as the Functions timer trigger does in Azure.
    /// Needs <c>AddGrading</c> (the re-grade client and its validated options) and the local Durable engine.
    /// </summary>
    public static IServiceCollection AddLocalRegradeScheduler(this IServiceCollection services)
    {
        services.AddHostedService<LocalRegradeScheduler>();
        return services;
    }
}
