using CsCheck;
using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

/// <summary>Invariants every metric keeps on any input: ranges, symmetry, and perfect agreement scoring perfectly.</summary>
public sealed class MetricPropertyTests
{
    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefg"], 1, 4];

    private static readonly Gen<string> Text = Word.Array[0, 12].Select(words => string.Join(' ', words));

    private static readonly Gen<string> NonEmptyText = Word.Array[1, 12].Select(words => string.Join(' ', words));

    private static readonly Gen<(int[] A, int[] B)> Ratings =
        Gen.Int[1, 30].SelectMany(n => Gen.Select(Gen.Int[0, 4].Array[n], Gen.Int[0, 4].Array[n]));

    [Fact]
    public void Rouge_AnyTexts_StaysWithinZeroAndOneAndIsSymmetric()
    {
        Gen.Select(Text, Text).Sample((target, prediction) =>
        {
            var forward = RougeScores.Compute(target, prediction);
            var backward = RougeScores.Compute(prediction, target);

            Assert.All([forward.Rouge1, forward.Rouge2, forward.RougeL], f => Assert.InRange(f, 0, 1));
            Assert.Equal(forward.Rouge1, backward.Rouge1, 12);
            Assert.Equal(forward.Rouge2, backward.Rouge2, 12);
            Assert.Equal(forward.RougeL, backward.RougeL, 12);
        });
    }

    [Fact]
    public void Rouge_TextAgainstItself_IsOne()
    {
        NonEmptyText.Sample(text =>
        {
            var scores = RougeScores.Compute(text, text);

            Assert.Equal(1, scores.Rouge1, 12);
            Assert.Equal(1, scores.RougeL, 12);
        });
    }

    [Fact]
    public void Bleu_AnyCorpus_StaysWithinZeroAndHundred()
    {
        Gen.Select(Text, Text).Array[1, 6].Sample(pairs =>
            Assert.InRange(SacreBleu.Corpus(pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray()), 0, 100 + 1e-9));
    }

    [Fact]
    public void Bleu_CorpusAgainstItself_IsHundredWhenItHasFourGrams()
    {
        Word.Array[4, 12].Select(words => string.Join(' ', words)).Array[1, 5].Sample(texts =>
            Assert.Equal(100, SacreBleu.Corpus(texts, texts), 9));
    }

    [Fact]
    public void Qwk_AnyRatings_IsAtMostOneAndSymmetric()
    {
        Ratings.Sample((a, b) =>
        {
            var forward = QuadraticWeightedKappa.Compute(a, b);
            var backward = QuadraticWeightedKappa.Compute(b, a);

            Assert.Equal(forward.HasValue, backward.HasValue);
            if (forward is { } kappa)
            {
                Assert.True(kappa <= 1 + 1e-12);
                Assert.Equal(kappa, backward!.Value, 9);
            }
        });
    }

    [Fact]
    public void Qwk_PerfectAgreement_IsOneUnlessConstant()
    {
        Ratings.Sample((a, _) =>
        {
            var kappa = QuadraticWeightedKappa.Compute(a, a);

            if (a.Distinct().Count() > 1)
            {
                Assert.Equal(1, kappa!.Value, 12);
            }
            else
            {
                Assert.Null(kappa);
            }
        });
    }

    [Fact]
    public void Labels_AnyPairs_AccuracyAndMacroF1WithinRangeAndPerfectWhenEqual()
    {
        var label = Gen.Int[0, 2].Select(i => new[] { "Correct", "Partially correct", "Incorrect" }[i]);
        Gen.Select(label, label).Array[1, 30].Sample(pairs =>
        {
            var agreement = LabelAgreement.Compute(pairs.Select(p => ((string?)p.Item1, (string?)p.Item2)))!;
            var self = LabelAgreement.Compute(pairs.Select(p => ((string?)p.Item2, (string?)p.Item2)))!;

            Assert.InRange(agreement.Accuracy, 0, 1);
            Assert.InRange(agreement.MacroF1, 0, 1);
            Assert.Equal((1.0, 1.0), (self.Accuracy, self.MacroF1));
        });
    }

    [Fact]
    public void CoverageError_LowerCoverage_NeverKeepsMoreGrades()
    {
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1]).Array[1, 40].Sample(items =>
        {
            var kept = ConfidenceReport.DefaultCoverages.Select(c => CoverageError.At(items, c).Kept).ToArray();

            Assert.Equal(kept.Order(), kept);
            Assert.Equal(items.Length, kept[^1]);
        });
    }
}
