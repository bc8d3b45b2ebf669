using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Collections.Concurrent;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Core.Metrics;
using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;

namespace Grading.Inference.Head;

/// <summary>
/// Builds (and caches, by question id, rubric hash and a fingerprint of the examples) the <see cref="QuestionContext"/>
/// of each question, so the reference answers and graded examples are embedded once per question, not once per answer,
/// and an edited rubric or example set is embedded afresh rather than served stale.
/// </summary>
internal sealed class QuestionContextBuilder(ITextEmbedder embedder, long maxCachedTokenStateBytes = QuestionContextBuilder.DefaultMaxCachedTokenStateBytes)
{
    /// <summary>
    /// A question's examples' token states dominate its context (about 6 MB for 80 answers of 50 word pieces), so the
    /// cache is bounded by their size as well as by count: a host that grades many courses must not hold gigabytes.
    /// </summary>
    public const long DefaultMaxCachedTokenStateBytes = 512L << 20;

    private const int MaxCachedQuestions = 4096;
    private readonly ConcurrentDictionary<string, Lazy<QuestionContext>> _cache = new(StringComparer.Ordinal);
    private long _cachedTokenStateBytes;

    public QuestionContext Get(Question question, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(question);
        if ((_cache.Count >= MaxCachedQuestions || Interlocked.Read(ref _cachedTokenStateBytes) > maxCachedTokenStateBytes) && !_cache.ContainsKey(key))
        {
            _cache.Clear();
            Interlocked.Exchange(ref _cachedTokenStateBytes, 0);
        }

        var entry = _cache.GetOrAdd(key, _ => new Lazy<QuestionContext>(() =>
        {
            var context = Build(question, null, null, cancellationToken);
            Interlocked.Add(ref _cachedTokenStateBytes, TokenStateBytesOf(context));
            return context;
        }));
        try
        {
            return entry.Value;
        }
        catch
        {
            _cache.TryRemove(new KeyValuePair<string, Lazy<QuestionContext>>(key, entry));
            throw;
        }
    }

    /// <summary>
    /// A context from already-encoded examples (training and evaluation encode every answer once anyway), with the
    /// tutors' labels where the data has them.
    /// </summary>
    public QuestionContext Build(
        Question question,
        IReadOnlyList<TextEncoding>? exampleEncodings,
        IReadOnlyList<string?>? exampleLabels = null,
        CancellationToken cancellationToken = default)
    {
        var references = question.ReferenceAnswers.Where(reference => !string.IsNullOrWhiteSpace(reference)).ToArray();
        var all = question.ExamplesOrEmpty;
        if ((exampleEncodings is not null && exampleEncodings.Count != all.Count) || (exampleLabels is not null && exampleLabels.Count != all.Count))
        {
            throw new ArgumentException("One encoding and label per example is needed.", nameof(exampleEncodings));
        }

        var kept = question.MaxScore > 0
            ? Enumerable.Range(0, all.Count).Where(i => !string.IsNullOrWhiteSpace(all[i].Answer) && double.IsFinite(all[i].Score)).ToArray()
            : [];
        var toEncode = exampleEncodings is null ? [.. references, .. kept.Select(i => all[i].Answer)] : references;
        var encodings = embedder.Encode(toEncode, cancellationToken);
        var exampleEncoded = exampleEncodings is null ? encodings[references.Length..] : kept.Select(i => exampleEncodings[i]).ToArray();

        var questionStems = KeyTerms.StemsOf(question.Text);
        var referenceTokens = encodings[..references.Length].Select((encoding, r) => ContentTokens.Of(references[r], encoding.Tokens)).ToArray();
        return new QuestionContext(
            question.MaxScore,
            ScoreStep.Of(kept.Select(i => all[i].Score).Append(question.MaxScore)),
            encodings[..references.Length].Select(encoding => encoding.Vector).ToArray(),
            references.Select(reference => KeyTermsNotIn(reference, questionStems)).ToArray(),
            references.Select(reference => RougeScores.Tokenize(reference).ToHashSet(StringComparer.Ordinal)).ToArray(),
            references.Select(WordCount.Of).ToArray(),
            kept.Select((exampleIndex, k) => new ContextExample(
                exampleEncoded[k].Vector,
                Math.Clamp(all[exampleIndex].Score / question.MaxScore, 0, 1),
                exampleLabels?[exampleIndex] ?? GradeLabel.FromFraction(all[exampleIndex].Score / question.MaxScore),
                all[exampleIndex].Feedback,
                RougeScores.Tokenize(all[exampleIndex].Feedback),
                RougeScores.Tokenize(all[exampleIndex].Answer).ToHashSet(StringComparer.Ordinal),
                AnswerTerms.Of(all[exampleIndex].Answer, exampleEncoded[k].Tokens, referenceTokens))).ToArray(),
            referenceTokens);
    }

    private static long TokenStateBytesOf(QuestionContext context) =>
        sizeof(float) * (context.Examples.Sum(example => (long)(example.AnswerTerms?.Tokens.Values.Length ?? 0))
            + (context.ReferenceTokenStates ?? []).Sum(tokens => (long)tokens.Values.Length));

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
            canonical.Append(example.Score.ToString("R", CultureInfo.InvariantCulture)).Append('\u001e').Append(example.Answer)
                .Append('\u001e').Append(example.Feedback).Append('\u001d');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())).AsSpan(0, 8));
    }

    private static IReadOnlyList<KeyTerm> KeyTermsNotIn(string reference, IReadOnlySet<string> questionStems)
    {
        var terms = KeyTerms.Extract(reference);
        var fresh = terms.Where(term => !questionStems.Contains(term.Stem)).ToArray();
        return fresh.Length > 0 ? fresh : terms;
    }
}
