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

    [CommandOption("--queue-visibility-timeout <SECONDS>")]
    [Description("How long work taken by a process that then died stays hidden before another process on the hub takes it over: the recovery time after a crash. Keep it above the longest chunk. Default: 300.")]
    public int? QueueVisibilityTimeoutSeconds { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        QueueVisibilityTimeoutSeconds is < 5 or > 3600
            ? Spectre.Console.ValidationResult.Error("--queue-visibility-timeout must be between 5 and 3600 seconds.")
            : base.Validate();
}
