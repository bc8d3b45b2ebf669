using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Inference.Embeddings;

namespace Grading.Inference.Similarity;

/// <summary>
/// Embeds each question's reference answers and graded examples once and keeps them, so a batch of thousands of
/// answers to a few questions costs a few reference embeddings, not thousands. Keyed by question id, rubric hash and
/// a fingerprint of the examples, so an edited rubric or example set is embedded afresh rather than served stale.
/// </summary>
internal sealed class QuestionEmbeddingCache(ITextEmbedder embedder, int maxQuestions = QuestionEmbeddingCache.DefaultMaxQuestions)
{
    /// <summary>Far more questions than one deployment grades; the cap only guards against unbounded growth.</summary>
    public const int DefaultMaxQuestions = 4096;

    private readonly ConcurrentDictionary<string, Lazy<QuestionEmbeddings>> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public QuestionEmbeddings Get(Question question, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(question);
        if (_entries.Count >= maxQuestions && !_entries.ContainsKey(key))
        {
            // Rubric edits leave old keys behind; starting over is simpler than LRU and still bounds memory.
            _entries.Clear();
        }

        var entry = _entries.GetOrAdd(
            key,
            _ => new Lazy<QuestionEmbeddings>(() => Compute(question, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            // Lazy would keep replaying a cancellation or failure to every later caller; drop it so the next one retries.
            _entries.TryRemove(new KeyValuePair<string, Lazy<QuestionEmbeddings>>(key, entry));
            throw;
        }
    }

    internal static string KeyOf(Question question) =>
        string.Join('\u001f', question.Id, RubricHash.Of(question), ExamplesFingerprint(question));

    // RubricHash leaves examples out (they do not change what a correct answer is), but they do change our scores.
    private static string ExamplesFingerprint(Question question)
    {
        if (question.ExamplesOrEmpty.Count == 0)
        {
            return "-";
        }

        var canonical = new StringBuilder();
        foreach (var example in question.ExamplesOrEmpty)
        {
            canonical.Append(example.Score.ToString("R", CultureInfo.InvariantCulture)).Append('\u001e').Append(example.Answer).Append('\u001d');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())).AsSpan(0, 8));
    }

    private QuestionEmbeddings Compute(Question question, CancellationToken cancellationToken)
    {
        var references = question.ReferenceAnswers.Where(reference => !string.IsNullOrWhiteSpace(reference)).ToArray();
        var examples = question.MaxScore > 0
            ? question.ExamplesOrEmpty.Where(example => !string.IsNullOrWhiteSpace(example.Answer) && double.IsFinite(example.Score)).ToArray()
            : [];

        // One call for references and examples together lets the embedder batch them.
        var vectors = embedder.Embed([.. references, .. examples.Select(example => example.Answer)], cancellationToken);
        var questionStems = KeyTerms.StemsOf(question.Text);
        return new QuestionEmbeddings(
            ReferenceVectors: vectors[..references.Length],
            ReferenceKeyTerms: references.Select(reference => KeyTermsNotInQuestion(reference, questionStems)).ToArray(),
            ReferenceWordCounts: references.Select(WordCount.Of).ToArray(),
            ExampleVectors: vectors[references.Length..],
            ExampleFractions: examples.Select(example => Math.Clamp(example.Score / question.MaxScore, 0, 1)).ToArray());
    }

    // Words the question already uses ("What is osmosis?") say nothing about whether the student knows the answer,
    // unless they are all the reference has.
    private static IReadOnlyList<KeyTerm> KeyTermsNotInQuestion(string reference, IReadOnlySet<string> questionStems)
    {
        var terms = KeyTerms.Extract(reference);
        var fresh = terms.Where(term => !questionStems.Contains(term.Stem)).ToArray();
        return fresh.Length > 0 ? fresh : terms;
    }
}
