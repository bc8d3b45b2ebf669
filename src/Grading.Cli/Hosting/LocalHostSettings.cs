using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grading.Cli.Hosting;

/// <summary>Options every command that runs the local engine shares.</summary>
public class LocalHostSettings : CommandSettings
{
    [CommandOption("--storage <CONNECTION>")]
    [Description("Storage connection string. Default: Azurite (UseDevelopmentStorage=true), started if needed.")]
    public string? Storage { get; init; }

    [CommandOption("--task-hub <NAME>")]
    [Description("Durable task hub name. Default: grading.")]
    public string? TaskHub { get; init; }
}
