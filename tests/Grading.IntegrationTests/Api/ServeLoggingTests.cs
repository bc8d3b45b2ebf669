using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Grading.Core.Grading;
using Grading.IntegrationTests.LocalEngine;
using Grading.Orchestration.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grading.IntegrationTests.Api;

/// <summary>
/// Logs carry no answer text unless Grading:LogAnswerText is set: a grader failure whose message quotes the answer is
/// a 500 problem over real HTTP, and the server's log names the failure without the answer.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeLoggingTests(AzuriteFixture azurite)
{
    private const string Answer = "My secret exam answer 7c41: TCP retransmits.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Grade_GraderThrowsQuotingTheAnswer_LogHasTheAnswerOnlyWithLogAnswerText(bool logAnswerText)
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await ServeHostLease.StartAsync(
            azurite,
            configuration: new Dictionary<string, string?> { ["Grading:LogAnswerText"] = logAnswerText ? "true" : "false" },
            configureServices: services =>
            {
                services.AddSingleton<IGrader>(new QuotingFailureGrader());
                services.AddSingleton<ILoggerProvider>(logs);
            });

        using var response = await host.Client.PostAsync("/api/grade", ServeHostLease.Json(new JsonObject
        {
            ["question"] = "What does TCP provide?", ["referenceAnswer"] = "Reliable delivery.", ["maxScore"] = 2, ["answer"] = Answer,
        }));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ApiProblem.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("7c41", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var failure = Assert.Single(logs.Entries, e => e.Contains("/api/grade failed", StringComparison.Ordinal));
        Assert.Contains(nameof(InvalidOperationException), failure, StringComparison.Ordinal);
        Assert.Equal(logAnswerText, logs.Entries.Any(e => e.Contains("7c41", StringComparison.Ordinal)));
    }

    private sealed class QuotingFailureGrader : IGrader
    {
        public string Name => "quoting-failure";

        public string ModelVersion => "1";

        public Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"the model could not read '{requests[0].Submission.Answer}'");
    }

    /// <summary>Every log entry at Warning or above (the host's minimum), as its message plus the exception's text.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> entries = new();

        public IReadOnlyList<string> Entries => entries.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(entries);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(formatter(state, exception) + (exception is null ? "" : "\n" + exception));
        }
    }
}
