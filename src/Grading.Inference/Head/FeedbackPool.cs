using System.Runtime.CompilerServices;
using Grading.Core.Metrics;

namespace Grading.Inference.Head;

/// <summary>
/// The distinct tutor feedback texts of a question's graded examples and how much each pair agrees (the mean of ROUGE-1
/// and ROUGE-L F1), computed once per example set: tutors reuse a few templates per question and score, so the
/// distinct texts are few and choosing among them per answer is a small weighted sum.
/// </summary>
internal sealed class FeedbackPool
{
    private static readonly ConditionalWeakTable<IReadOnlyList<ContextExample>, FeedbackPool> Pools = new();

    private FeedbackPool(string[] texts, int[] textOfExample, double[,] agreement, bool[] onlyAtFullMarks)
    {
        Texts = texts;
        TextOfExample = textOfExample;
        Agreement = agreement;
        OnlyAtFullMarks = onlyAtFullMarks;
        EveryTextOnlyAtFullMarks = onlyAtFullMarks.All(only => only);
    }

    /// <summary>The distinct feedback texts, in order of first use.</summary>
    public string[] Texts { get; }

    /// <summary>For each example, the index of its feedback in <see cref="Texts"/>, or -1 when it has none.</summary>
    public int[] TextOfExample { get; }

    /// <summary>[candidate, target]: how well the candidate text matches the target text (ROUGE F1, so symmetric).</summary>
    public double[,] Agreement { get; }

    /// <summary>For each text, whether tutors gave it only to answers with full marks ("The response is correct.").</summary>
    public bool[] OnlyAtFullMarks { get; }

    /// <summary>Tutors wrote nothing but full-marks texts for this question's examples.</summary>
    public bool EveryTextOnlyAtFullMarks { get; }

    /// <summary>The pool of this exact example list, built on first use (contexts derived with other examples get their own).</summary>
    public static FeedbackPool Of(IReadOnlyList<ContextExample> examples) => Pools.GetValue(examples, Build);

    private static FeedbackPool Build(IReadOnlyList<ContextExample> examples)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new List<string[]>();
        var textOfExample = new int[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var feedback = examples[i].Feedback;
            if (string.IsNullOrWhiteSpace(feedback))
            {
                textOfExample[i] = -1;
                continue;
            }

            if (!index.TryGetValue(feedback, out var t))
            {
                t = index.Count;
                index[feedback] = t;
                tokens.Add(examples[i].FeedbackTokens);
            }

            textOfExample[i] = t;
        }

        var agreement = new double[tokens.Count, tokens.Count];
        for (var a = 0; a < tokens.Count; a++)
        {
            agreement[a, a] = tokens[a].Length > 0 ? 1 : 0;
            for (var b = a + 1; b < tokens.Count; b++)
            {
                var value = (RougeScores.Rouge1F1(tokens[a], tokens[b]) + RougeScores.RougeLF1(tokens[a], tokens[b])) / 2;
                agreement[a, b] = agreement[b, a] = value;
            }
        }

        var onlyAtFullMarks = Enumerable.Repeat(true, tokens.Count).ToArray();
        for (var i = 0; i < examples.Count; i++)
        {
            if (textOfExample[i] >= 0 && examples[i].Fraction < HeadFeatures.FullFraction)
            {
                onlyAtFullMarks[textOfExample[i]] = false;
            }
        }

        return new FeedbackPool([.. index.Keys], textOfExample, agreement, onlyAtFullMarks);
    }
}
