using Grading.Cli.LocalEngine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.Cli.Hosting;

/// <summary>
/// <c>grading serve</c>: the HTTP API on Kestrel with the local Durable engine and a worker in the same process, so
/// one process serves requests and grades. Several such processes on one task hub share the work.
/// </summary>
public static class ServeHost
{
    public static async Task<WebApplication> StartAsync(
        LocalHostOptions options,
        ServeOptions serve,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        if (serve.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(serve));
        }

        await LocalHost.EnsureStorageAsync(options, cancellationToken);
        var builder = WebApplication.CreateSlimBuilder();
        LocalHost.Configure(builder, options with { LogActivities = true }, services =>
        {
            // After the engine (registered by Configure): hosted services start in order, and the scanner needs the client.
            services.AddOptions<UploadScanOptions>().Bind(builder.Configuration.GetSection(UploadScanOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<UploadScanner>();
            services.AddHostedService(provider => provider.GetRequiredService<UploadScanner>());
            services.AddLocalRegradeScheduler();
            configureServices?.Invoke(services);
        });
        builder.WebHost.UseUrls([.. serve.Urls]);

        // The API reads bodies itself up to Grading:Api:MaxRequestBodyBytes and answers 413 as a problem; Kestrel's own
        // limit would answer first with a bare 413.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);

        var app = builder.Build();
        if (serve.ApiKey is { Length: > 0 } key)
        {
            var check = new ApiKeyCheck(key);
            app.Use((context, next) => check.InvokeAsync(context, next));
        }

        app.MapGradingApi();
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>The addresses Kestrel is listening on (port 0 in --urls becomes the port it picked).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
