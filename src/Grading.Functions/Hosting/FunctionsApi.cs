using Grading.Orchestration.Api;
using Grading.Orchestration.Client;
using Grading.Orchestration.Regrade;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.Functions.Hosting;

/// <summary>
/// In the Functions host the <see cref="DurableTaskClient"/> arrives per invocation through the [DurableClient] binding,
/// so the batch client and the API built on it are made per call (both are cheap; the storage and graders are singletons).
/// </summary>
public sealed class FunctionsApi(IServiceProvider services)
{
    public BatchClient Batches(DurableTaskClient client) => ActivatorUtilities.CreateInstance<BatchClient>(services, client);

    public RegradeClient Regrades(DurableTaskClient client) => ActivatorUtilities.CreateInstance<RegradeClient>(services, client);

    public RegradeApi RegradeApi(DurableTaskClient client) => ActivatorUtilities.CreateInstance<RegradeApi>(services, Regrades(client));

    public GradingApi Api(DurableTaskClient client) => ActivatorUtilities.CreateInstance<GradingApi>(services, Batches(client));
}
