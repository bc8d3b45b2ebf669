using Grading.Inference.GenAi;

namespace Grading.Inference.Tests.GenAi;

/// <summary>A stand-in decoder: replies come from a function of the prompt and the attempt; every call is recorded.</summary>
internal sealed class ScriptedGenerator(Func<string, SearchOptions, string> reply) : ITextGenerator
{
    public List<(IReadOnlyList<string> Prompts, SearchOptions Options)> Calls { get; } = [];

    public Task<IReadOnlyList<GeneratedText>> GenerateAsync(IReadOnlyList<string> prompts, SearchOptions options, CancellationToken cancellationToken = default)
    {
        Calls.Add((prompts, options));
        return Task.FromResult<IReadOnlyList<GeneratedText>>(prompts.Select(p => new GeneratedText(reply(p, options), [], true)).ToList());
    }
}
