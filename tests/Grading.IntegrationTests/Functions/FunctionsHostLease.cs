using Grading.Cli.Hosting;
using Grading.Functions.Hosting;
using Grading.IntegrationTests.LocalEngine;
using Grading.Orchestration.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grading.IntegrationTests.Functions;

/// <summary>
/// What the Functions host would hand the function classes, without the host: the grading services and a real
/// <see cref="DurableTaskClient"/> from the local engine on Azurite (whose worker runs the same orchestrations).
/// </summary>
public sealed class FunctionsHostLease : IAsyncDisposable
{
    private readonly IHost host;
    private readonly TaskHubLease hub;

    private FunctionsHostLease(IHost host, TaskHubLease hub)
    {
        this.host = host;
        this.hub = hub;
    }

    public IServiceProvider Services => host.Services;

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    public GradingStorage Storage => host.Services.GetRequiredService<GradingStorage>();

    public FunctionsApi FunctionsApi => ActivatorUtilities.CreateInstance<FunctionsApi>(host.Services);

    public static async Task<FunctionsHostLease> StartAsync(AzuriteFixture azurite)
    {
        var hub = azurite.CreateTaskHub();
        var host = await LocalHost.StartAsync(new LocalHostOptions(hub.Options.StorageConnectionString, hub.Options.TaskHubName));
        return new FunctionsHostLease(host, hub);
    }

    /// <summary>A request as the Functions host's ASP.NET Core integration builds it.</summary>
    public HttpRequest Request(string method, string path, string? json = null, string? query = null)
    {
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("grading.example");
        context.Request.Path = path;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (json is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Runs the function's result as the host would and returns status and body.</summary>
    public static async Task<(int Status, string Body, string? ContentType)> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync(), context.Response.ContentType);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
        await hub.DisposeAsync();
    }
}
