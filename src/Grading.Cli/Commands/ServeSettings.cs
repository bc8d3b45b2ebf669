using System.ComponentModel;
using Grading.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

public sealed class ServeSettings : LocalHostSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Addresses to listen on, separated by ';'. Default: http://127.0.0.1:7071 (loopback only). Port 0 picks a free port.")]
    public string? Urls { get; init; }

    [CommandOption("--api-key <KEY>")]
    [Description("Key every route but /api/health asks for (header x-functions-key or query code). Default: Grading__ApiKey. Required off loopback.")]
    public string? ApiKey { get; init; }

    public ServeOptions ToServeOptions() =>
        new(ServeOptions.ParseUrls(Urls), ApiKey ?? Environment.GetEnvironmentVariable(ServeOptions.ApiKeyVariable));

    public override ValidationResult Validate() =>
        ToServeOptions().Problem() is { } problem ? ValidationResult.Error(problem) : base.Validate();
}
