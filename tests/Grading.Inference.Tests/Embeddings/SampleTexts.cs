namespace Grading.Inference.Tests.Embeddings;

/// <summary>Texts shared by the embedder and grader tests.</summary>
internal static class SampleTexts
{
    public const string PhotosynthesisReference =
        "Photosynthesis converts light energy into chemical energy: plants use sunlight, water and carbon dioxide to make glucose and release oxygen.";

    /// <summary>About 600 word pieces about football, well past both the 256-token window and the tokenizer's 512 cap.</summary>
    public static string LongOffTopicText { get; } = string.Join(' ', Enumerable.Range(1, 12).Select(i =>
        $"In season {i} the home team changed its coach, moved the training ground to the north of the city, " +
        $"sold {i + 2} players to rival clubs and finished the league in position {i + 3} after a long run of away defeats."));
}
