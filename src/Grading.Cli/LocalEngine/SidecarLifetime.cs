using Microsoft.Extensions.Hosting;

namespace Grading.Cli.LocalEngine;

/// <summary>
/// The sidecar's host lifetime: it starts and stops only when <see cref="LocalDurableEngine"/> says so. The default
/// console lifetime would stop the engine's dispatchers on SIGTERM or Ctrl+C by itself, before the command that owns
/// the engine could cancel its batch (the cancel is a message the dispatchers must still apply).
/// </summary>
internal sealed class SidecarLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
