namespace Grading.Inference.GenAi;

/// <summary>Completes prompts with a decoder. Results come back in prompt order; the prompts of one call are generated as one padded batch.</summary>
public interface ITextGenerator
{
    Task<IReadOnlyList<GeneratedText>> GenerateAsync(IReadOnlyList<string> prompts, SearchOptions options, CancellationToken cancellationToken = default);
}
