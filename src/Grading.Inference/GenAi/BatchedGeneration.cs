namespace Grading.Inference.GenAi;

/// <summary>Splits a chunk's prompts into generator batches of at most <c>batchSize</c>, keeping prompt order.</summary>
internal static class BatchedGeneration
{
    public static async Task<IReadOnlyList<GeneratedText>> GenerateAsync(ITextGenerator generator, IReadOnlyList<string> prompts, int batchSize, SearchOptions options, CancellationToken cancellationToken = default)
    {
        var results = new List<GeneratedText>(prompts.Count);
        foreach (var batch in prompts.Chunk(batchSize))
        {
            results.AddRange(await generator.GenerateAsync(batch, options, cancellationToken));
        }

        return results;
    }
}
