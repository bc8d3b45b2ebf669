using Grading.Orchestration.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.Functions.Hosting;

public static class GradingFunctionsApp
{
    /// <summary>
    /// The Functions app's services: ASP.NET Core integration for the HTTP triggers and the grading services with their
    /// options validated at start. The Durable engine and the task hub come from the Functions host (host.json).
    /// </summary>
    public static FunctionsApplicationBuilder AddGrading(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddGrading(builder.Configuration);
        builder.Services.AddSingleton<FunctionsApi>();
        return builder;
    }
}
