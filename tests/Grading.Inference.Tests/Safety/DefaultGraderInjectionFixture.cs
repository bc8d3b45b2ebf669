using Grading.Core.Batches;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Core.Safety;
using Grading.Inference.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.Inference.Tests.Safety;

/// <summary>
/// Grades every corpus attempt, without and with its injection, once, with whatever grader <c>AddGraders()</c> resolves
/// by default (the encoder today; whichever grader replaces it tomorrow).
/// </summary>
public sealed class DefaultGraderInjectionFixture : IAsyncLifetime
{
    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "Safety", "Data");

    private ServiceProvider? services;

    public IReadOnlyList<InjectionAttempt> Attempts { get; } = InjectionAttempt.ReadCorpus(Path.Combine(DataFolder, "injection-corpus.jsonl"));

    public Assignment Assignment { get; } = AssignmentReader.Read(File.ReadAllBytes(Path.Combine(DataFolder, "intro-science", "assignment.json")), fallbackId: "intro-science");

    public IGrader Grader => services!.GetRequiredService<IGrader>();

    public GraderCatalog Catalog => services!.GetRequiredService<GraderCatalog>();

    public Dictionary<string, (GraderResult Base, GraderResult Injected, double MaxScore)> Results { get; } = [];

    public async Task InitializeAsync()
    {
        services = new ServiceCollection().AddGraders().BuildServiceProvider();
        var requests = Attempts.SelectMany(a => new[] { Request(a, a.Base), Request(a, a.Injected) }).ToList();
        var results = await Grader.GradeAsync(requests);
        for (var i = 0; i < Attempts.Count; i++)
        {
            Results[Attempts[i].Id] = (results[2 * i], results[2 * i + 1], requests[2 * i].Question.MaxScore);
        }
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }

    private GradingRequest Request(InjectionAttempt attempt, string answer) =>
        new(new Submission(attempt.Id, Assignment.Id, attempt.QuestionId, answer), Assignment.FindQuestion(attempt.QuestionId)!);
}
