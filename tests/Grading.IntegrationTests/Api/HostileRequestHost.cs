using Grading.IntegrationTests.LocalEngine;

namespace Grading.IntegrationTests.Api;

/// <summary>One <c>grading serve</c> host, with the default limits, that the whole hostile request corpus is sent to.</summary>
public sealed class HostileRequestHost : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private ServeHostLease? lease;

    public ServeHostLease Host => lease ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        lease = await ServeHostLease.StartAsync(azurite);
    }

    public async Task DisposeAsync()
    {
        if (lease is not null)
        {
            await lease.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}
