using Grading.Inference.Embeddings;

namespace Grading.Inference.Tests.Embeddings;

[Collection(MiniLmCollection.Name)]
public sealed class MiniLmEmbedderTests(MiniLmEmbedderFixture fixture)
{
    private readonly MiniLmEmbedder _embedder = fixture.Embedder;

    [Fact]
    public void Embed_SeveralTexts_ReturnsOneUnitVectorOfModelDimensionPerText()
    {
        var vectors = _embedder.Embed(["The cat sat on the mat.", "Short.", SampleTexts.LongOffTopicText]);

        Assert.Equal(3, vectors.Length);
        Assert.Equal(384, _embedder.Dimension);
        Assert.All(vectors, vector =>
        {
            Assert.Equal(_embedder.Dimension, vector.Length);
            Assert.Equal(1.0, Math.Sqrt(VectorMath.Dot(vector, vector)), 3);
        });
    }

    [Fact]
    public void Embed_Paraphrase_IsMoreSimilarThanUnrelatedSentence()
    {
        var vectors = _embedder.Embed([
            "The cat is sleeping on the mat.",
            "A kitten naps on the rug.",
            "Interest rates rose sharply this quarter.",
        ]);

        var paraphrase = VectorMath.Dot(vectors[0], vectors[1]);
        var unrelated = VectorMath.Dot(vectors[0], vectors[2]);
        Assert.True(paraphrase > unrelated + 0.3f, $"paraphrase {paraphrase:0.000}, unrelated {unrelated:0.000}");
    }

    [Fact]
    public void Embed_LongTextEndingWithRelevantSentence_IsCloserToThatTopicThanWithoutIt()
    {
        var relevantEnding = " Photosynthesis turns sunlight, water and carbon dioxide into glucose and oxygen.";
        var vectors = _embedder.Embed([
            SampleTexts.PhotosynthesisReference,
            SampleTexts.LongOffTopicText,
            SampleTexts.LongOffTopicText + relevantEnding,
        ]);

        var without = VectorMath.Dot(vectors[0], vectors[1]);
        var with = VectorMath.Dot(vectors[0], vectors[2]);
        // Truncating at 256 (or the tokenizer's 512) tokens would drop the ending and make both equal.
        Assert.True(with > without + 0.1f, $"with ending {with:0.000}, without {without:0.000}");
    }

    [Fact]
    public void Encode_ShortText_OneUnitTokenStatePerWordPieceAndTheVectorEmbedGives()
    {
        var encoding = _embedder.Encode(["The cat sat on the mat."])[0];

        // the, cat, sat, on, the, mat, "." without [CLS] and [SEP]
        Assert.Equal(7, encoding.Tokens.Count);
        Assert.Equal(_embedder.Dimension, encoding.Tokens.Dimension);
        Assert.All(Enumerable.Range(0, encoding.Tokens.Count), t => Assert.Equal(1.0, Math.Sqrt(VectorMath.Dot(encoding.Tokens.Row(t), encoding.Tokens.Row(t))), 3));
        Assert.Equal(_embedder.Embed(["The cat sat on the mat."])[0], encoding.Vector);
    }

    [Fact]
    public void Encode_TokenStates_AlignAParaphraseBetterThanAnUnrelatedSentence()
    {
        var encodings = _embedder.Encode([
            "The sender waits for an acknowledgement before sending the next frame.",
            "Before the next frame is sent, the sender waits until it is acknowledged.",
            "Interest rates rose sharply this quarter.",
        ]);

        var paraphrase = Grading.Inference.Similarity.TokenAlignment.F1(encodings[0].Tokens, encodings[1].Tokens);
        var unrelated = Grading.Inference.Similarity.TokenAlignment.F1(encodings[0].Tokens, encodings[2].Tokens);
        Assert.True(paraphrase > unrelated + 0.1, $"paraphrase {paraphrase:0.000}, unrelated {unrelated:0.000}");
    }

    [Fact]
    public void Encode_TextOverModelWindow_KeepsTheTokenStatesOfEveryWindow()
    {
        var windows = _embedder.SplitIntoWindows(SampleTexts.LongOffTopicText);

        var whole = _embedder.Encode([SampleTexts.LongOffTopicText])[0];

        var perWindow = _embedder.Encode(windows.ToArray()).Sum(encoding => encoding.Tokens.Count);
        Assert.True(windows.Count > 1);
        Assert.Equal(perWindow, whole.Tokens.Count);
        Assert.True(whole.Tokens.Count > MiniLmEmbedder.ModelTokenWindow);
    }

    [Fact]
    public void Embed_Int8_StaysWithinCosine099OfFloat32()
    {
        string[] texts =
        [
            "TCP.",
            "The server replies with SYN-ACK.",
            SampleTexts.PhotosynthesisReference,
            "Both sides choose initial sequence numbers and must acknowledge each other's; a two-way handshake cannot confirm " +
            "the server's number and lets delayed duplicate SYNs open connections nobody asked for, so a third message is needed.",
            "I think it is mostly about checking that the server is alive, and that the cable is plugged in properly.",
            SampleTexts.LongOffTopicText,
        ];
        using var float32 = new MiniLmEmbedder(precision: EncoderPrecision.Float32);
        Assert.Equal(EncoderPrecision.Int8, _embedder.Precision);

        var reference = float32.Embed(texts);
        var quantised = _embedder.Embed(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var cosine = VectorMath.Dot(reference[i], quantised[i]);
            Assert.True(cosine >= 0.99f && cosine < 0.99999f, $"text {i}: cosine {cosine:0.0000}");
        }

        Assert.NotEqual(float32.ModelId, _embedder.ModelId);
    }

    [Fact]
    public void Embed_OneTextAtATime_EqualsSeveralAtOnce()
    {
        string[] texts = ["Short.", SampleTexts.PhotosynthesisReference, SampleTexts.LongOffTopicText, "A kitten naps on the rug."];

        var together = _embedder.Embed(texts);
        var alone = texts.Select(text => _embedder.Embed([text])[0]).ToArray();

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, VectorMath.Dot(together[i], alone[i]), 5);
        }
    }

    [Fact]
    public void SplitIntoWindows_TextOverModelWindow_ReturnsSeveralWindowsEndingWithLastWords()
    {
        var windows = _embedder.SplitIntoWindows(SampleTexts.LongOffTopicText + " final-marker");

        Assert.True(windows.Count >= 3, $"got {windows.Count} windows");
        Assert.EndsWith("final-marker", windows[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void SplitIntoWindows_ShortText_ReturnsTextUnchanged()
    {
        var windows = _embedder.SplitIntoWindows("Mitochondria release energy from glucose.");

        Assert.Equal(["Mitochondria release energy from glucose."], windows);
    }

    [Fact]
    public async Task Embed_ConcurrentCallers_GetSameVectorsAsSingleCaller()
    {
        string[] texts = ["Water boils at 100 degrees Celsius.", "Enzymes lower activation energy.", "Rome is in Italy."];
        var expected = _embedder.Embed(texts);

        var concurrent = await Task.WhenAll(texts.Select(text => Task.Run(() => _embedder.Embed([text])[0])));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, VectorMath.Dot(expected[i], concurrent[i]), 4);
        }
    }
}
