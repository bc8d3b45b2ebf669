namespace Grading.Inference.GenAi;

/// <summary>
/// Splits a chunk's prompts into generator batches of at most <c>batchSize</c> and returns the replies in prompt order.
/// Prompts are batched by length: a batch is padded to its longest prompt and the prompt step's attention grows with the
/// square of that length for every row, so a short answer batched with long ones would pay for their length.
/// </summary>
internal static class BatchedGeneration
{
    public static async Task<IReadOnlyList<GeneratedText>> GenerateAsync(ITextGenerator generator, IReadOnlyList<string> prompts, int batchSize, SearchOptions options, CancellationToken cancellationToken = default)
    {
        var results = new GeneratedText[prompts.Count];
        var byLength = Enumerable.Range(0, prompts.Count).OrderBy(i => prompts[i].Length).ThenBy(i => i).ToArray();
        foreach (var batch in byLength.Chunk(batchSize))
        {
            var replies = await generator.GenerateAsync(batch.Select(i => prompts[i]).ToList(), options, cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                results[batch[j]] = replies[j];
            }
        }

        return results;
    }
}
