using Grading.Inference.GenAi;

namespace Grading.Inference.Tests.GenAi;

/// <summary>
/// A stand-in decoder: replies come from a function of the prompt and the attempt; every call is recorded. With
/// <paramref name="probability"/>, asked-for token probabilities are given as if each character were one token, with the
/// probability the function gives the character at that index of the reply.
/// </summary>
internal sealed class ScriptedGenerator(Func<string, SearchOptions, string> reply, Func<string, int, double>? probability = null) : ITextGenerator
{
    public List<(IReadOnlyList<string> Prompts, SearchOptions Options)> Calls { get; } = [];

    public Task<IReadOnlyList<GeneratedText>> GenerateAsync(IReadOnlyList<string> prompts, SearchOptions options, CancellationToken cancellationToken = default)
    {
        Calls.Add((prompts, options));
        return Task.FromResult<IReadOnlyList<GeneratedText>>(prompts.Select(p => Reply(reply(p, options), options)).ToList());
    }

    private GeneratedText Reply(string text, SearchOptions options)
    {
        if (probability is null || !options.TokenProbabilities)
        {
            return new GeneratedText(text, [], true);
        }

        return new GeneratedText(text, text.Select(c => (int)c).ToList(), true)
        {
            TokenProbabilities = Enumerable.Range(0, text.Length).Select(i => probability(text, i)).ToList(),
            TokenTextEnds = Enumerable.Range(1, text.Length).ToList(),
        };
    }
}
