using Grading.Cli.Hosting;
using Grading.Cli.LocalEngine;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary><c>grading serve</c>: the HTTP API and a grading worker on the local Durable engine, until Ctrl+C.</summary>
public sealed class ServeCommand : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = await ServeHost.StartAsync(LocalHostOptions.From(settings), settings.ToServeOptions(), cancellationToken: cancellationToken);
            foreach (var address in ServeHost.Addresses(app))
            {
                // Tests and scripts read this line to find the port when --urls asked for port 0.
                Console.WriteLine($"Listening on {address}");
            }

            // The host stops on Ctrl+C or SIGTERM (its console lifetime), releasing its task hub leases.
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        catch (LocalEngineUnavailableException e)
        {
            Console.Error.WriteLine($"grading: {e.Message}");
            return 2;
        }
    }
}
