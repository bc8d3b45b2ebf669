using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;

namespace Grading.Inference.Tests.Similarity;

public sealed class ContentTokensTests
{
    [Fact]
    public void Of_StopWordsAndPunctuation_KeepsOnlyTheContentPiecesStates()
    {
        // Word pieces: the, server, is, busy, "." (each a whole word of the vocabulary); state k is unit vector k.
        var states = OneHot(5);

        var content = ContentTokens.Of("The server is busy.", states);

        Assert.Equal(2, content.Count);
        Assert.Equal(states.Row(1).ToArray(), content.Row(0).ToArray());
        Assert.Equal(states.Row(3).ToArray(), content.Row(1).ToArray());
    }

    [Fact]
    public void Of_StatesNotLinedUpWithOneTokenisation_KeepsThemAll()
    {
        // A long text embedded in overlapping windows has more states than one tokenisation has pieces.
        var states = OneHot(7);

        Assert.Same(states, ContentTokens.Of("The server is busy.", states));
    }

    [Fact]
    public void Of_NoContentPiece_KeepsThemAll()
    {
        var states = OneHot(3);

        Assert.Same(states, ContentTokens.Of("It is.", states));
    }

    private static TokenStates OneHot(int count) =>
        new([.. Enumerable.Range(0, count).SelectMany(k => Enumerable.Range(0, count).Select(d => d == k ? 1f : 0f))], count);
}
