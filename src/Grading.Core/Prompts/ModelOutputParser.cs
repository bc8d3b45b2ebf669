using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grading.Core.Domain;

namespace Grading.Core.Prompts;

/// <summary>
/// Reads a score, per-criterion scores and feedback from a model's reply, and only from the reply: callers pass the
/// generated text, never the prompt, so nothing the student wrote can be read as a score. Contract lines must start a
/// line (the answer block quotes every student line with "| ", so even an echoed answer cannot supply one).
/// Out-of-range values are clamped and flagged; a reply without a readable score fails, and no score is made up.
/// </summary>
public static partial class ModelOutputParser
{
    private const double Tolerance = 1e-6;

    [GeneratedRegex(@"^[ \t*]*score[ \t*]*[:=][ \t]*(?<value>[-+]?\d+(?:\.\d+)?)(?:[ \t]*(?:/|out of)[ \t]*(?<max>\d+(?:\.\d+)?))?(?:[ \t]*points?)?[ \t.]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScoreLine();

    [GeneratedRegex(@"^[ \t*]*feedback[ \t*]*:[ \t]*(?<text>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeedbackLine();

    [GeneratedRegex(@"^[ \t*]*criterion[ \t]+(?<id>[^:|]+?)[ \t]*:[ \t]*(?<value>[-+]?\d+(?:\.\d+)?)(?:[ \t]*/[ \t]*\d+(?:\.\d+)?)?[ \t]*(?:\|[ \t]*(?<reason>.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CriterionLine();

    public static ParsedModelOutput Parse(string reply, Question question, OutputFormat format)
    {
        var raw = format == OutputFormat.Json ? ReadJson(reply) : ReadLines(reply);
        return raw.FailureReason is not null ? ParsedModelOutput.Failed(raw.FailureReason) : Validate(raw, question);
    }

    /// <summary>Reads the feedback of a two-stage reply; null when the reply holds none.</summary>
    public static string? ParseFeedback(string reply, OutputFormat format)
    {
        var raw = format == OutputFormat.Json ? ReadJson(reply) : ReadLines(reply);
        return string.IsNullOrWhiteSpace(raw.Feedback) ? null : raw.Feedback;
    }

    private sealed record RawReply(double? Score, double? OutOf, string Feedback, IReadOnlyList<CriterionScore> Criteria, IReadOnlyList<string> Notes, string? FailureReason)
    {
        public Range? ScoreSpan { get; init; }

        public IReadOnlyList<Range> CriterionSpans { get; init; } = [];
    }

    /// <summary>The reply's lines as ranges, split where <see cref="string.ReplaceLineEndings()"/> would split them.</summary>
    private static IEnumerable<Range> LineRanges(string text)
    {
        var start = 0;
        while (true)
        {
            var end = text.AsSpan(start).IndexOfAny(LineBreaks);
            if (end < 0)
            {
                yield return start..text.Length;
                yield break;
            }

            end += start;
            yield return start..end;
            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
    }

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n\f\u0085\u2028\u2029");

    private static Range Within(Range line, Group group) => (line.Start.Value + group.Index)..(line.Start.Value + group.Index + group.Length);

    private static RawReply ReadLines(string reply)
    {
        double? score = null;
        double? outOf = null;
        var notes = new List<string>();
        var criteria = new List<CriterionScore>();
        Range? scoreSpan = null;
        var criterionSpans = new List<Range>();
        StringBuilder? feedback = null;
        foreach (var lineRange in LineRanges(reply))
        {
            var line = reply[lineRange];
            if (ScoreLine().Match(line) is { Success: true } scoreMatch)
            {
                feedback = null;
                var value = double.Parse(scoreMatch.Groups["value"].Value, CultureInfo.InvariantCulture);
                if (score is null)
                {
                    score = value;
                    scoreSpan = Within(lineRange, scoreMatch.Groups["value"]);
                    outOf = scoreMatch.Groups["max"].Success ? double.Parse(scoreMatch.Groups["max"].Value, CultureInfo.InvariantCulture) : null;
                }
                else if (Math.Abs(score.Value - value) > Tolerance)
                {
                    notes.Add($"model wrote more than one score ({Format(score.Value)}, {Format(value)}); the first was used");
                }
            }
            else if (CriterionLine().Match(line) is { Success: true } criterionMatch)
            {
                feedback = null;
                criterionSpans.Add(Within(lineRange, criterionMatch.Groups["value"]));
                criteria.Add(new CriterionScore(
                    criterionMatch.Groups["id"].Value.Trim(),
                    double.Parse(criterionMatch.Groups["value"].Value, CultureInfo.InvariantCulture),
                    criterionMatch.Groups["reason"].Value.Trim()));
            }
            else if (FeedbackLine().Match(line) is { Success: true } feedbackMatch)
            {
                feedback ??= new StringBuilder();
                feedback.Append(feedbackMatch.Groups["text"].Value.Trim());
            }
            else if (feedback is not null && line.Trim().Length > 0)
            {
                // Feedback may run over several lines until the next contract line.
                feedback.Append(' ').Append(line.Trim());
            }
        }

        if (score is null && criteria.Count == 0)
        {
            return new RawReply(null, null, feedback?.ToString() ?? "", [], notes, $"no '{OutputContract.ScoreKey}:' line in the model's reply: {Preview(reply)}");
        }

        return new RawReply(score, outOf, feedback?.ToString().Trim() ?? "", criteria, notes, null) { ScoreSpan = scoreSpan, CriterionSpans = criterionSpans };
    }

    private static RawReply ReadJson(string reply)
    {
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return new RawReply(null, null, "", [], [], $"no JSON object in the model's reply: {Preview(reply)}");
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(reply[start..]), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            double? score = root.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null;
            var feedback = root.TryGetProperty("feedback", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() ?? "" : "";
            var criteria = new List<CriterionScore>();
            if (root.TryGetProperty("criteria", out var c) && c.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in c.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object
                        && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                        && item.TryGetProperty("score", out var points) && points.ValueKind == JsonValueKind.Number)
                    {
                        var reason = item.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() ?? "" : "";
                        criteria.Add(new CriterionScore(id.GetString()!, points.GetDouble(), reason));
                    }
                }
            }

            return score is null && criteria.Count == 0
                ? new RawReply(null, null, feedback, [], [], $"the model's JSON has no numeric \"score\": {Preview(reply)}")
                : new RawReply(score, null, feedback.Trim(), criteria, [], null) { ScoreSpan = JsonScoreSpans(reply, start, out var criterionSpans), CriterionSpans = criterionSpans };
        }
        catch (JsonException e)
        {
            return new RawReply(null, null, "", [], [], $"the model's JSON could not be read ({e.Message.Split('.')[0]}): {Preview(reply)}");
        }
    }

    /// <summary>
    /// Character ranges of the top-level "score" number and of the criteria's "score" numbers (depth 3: the objects of
    /// the "criteria" array) in a JSON reply that starts at <paramref name="start"/> and has already parsed.
    /// </summary>
    private static Range? JsonScoreSpans(string reply, int start, out List<Range> criterionSpans)
    {
        criterionSpans = [];
        Range? total = null;
        var bytes = Encoding.UTF8.GetBytes(reply[start..]);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        // Stop at the end of the first object, as JsonDocument.ParseValue does: text may follow it.
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth is not (1 or 3) || !reader.ValueTextEquals("score"))
            {
                continue;
            }

            var depth = reader.CurrentDepth;
            if (!reader.Read())
            {
                break;
            }

            if (reader.TokenType == JsonTokenType.Number)
            {
                var from = start + Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.TokenStartIndex);
                var span = from..(from + Encoding.UTF8.GetCharCount(reader.ValueSpan));
                if (depth == 1)
                {
                    total ??= span;
                }
                else
                {
                    criterionSpans.Add(span);
                }
            }
        }

        return total;
    }

    private static ParsedModelOutput Validate(RawReply raw, Question question)
    {
        var adjusted = false;
        var reasons = new List<string>(raw.Notes);
        var max = question.MaxScore;
        var score = raw.Score;
        if (score is { } stated && raw.OutOf is { } outOf && Math.Abs(outOf - max) > Tolerance)
        {
            if (outOf <= 0)
            {
                return ParsedModelOutput.Failed($"the model scored out of {Format(outOf)}");
            }

            score = stated * max / outOf;
            adjusted = true;
            reasons.Add($"model scored {Format(stated)} out of {Format(outOf)}, not out of {Format(max)}; rescaled to {Format(score.Value)}");
        }

        var criteria = ValidateCriteria(raw.Criteria, question, reasons, out var complete, out var criterionClamped);
        adjusted |= criterionClamped;
        if (complete && criteria.Count > 0)
        {
            var sum = criteria.Sum(c => c.Score);
            if (score is null)
            {
                reasons.Add("model gave no total; the sum of its criterion scores was used");
            }
            else if (Math.Abs(sum - score.Value) > 1e-3)
            {
                reasons.Add($"model's total {Format(score.Value)} differs from the sum of its criterion scores {Format(sum)}; the sum was used");
                adjusted = true;
            }

            score = sum;
        }
        else if (score is null)
        {
            return ParsedModelOutput.Failed("the model scored only some rubric criteria and gave no total");
        }

        if (!double.IsFinite(score.Value))
        {
            return ParsedModelOutput.Failed("the model's score is not a finite number");
        }

        if (score < 0 || score > max)
        {
            reasons.Add($"model score {Format(score.Value)} was outside [0, {Format(max)}] and was clamped");
            score = Math.Clamp(score.Value, 0, max);
            adjusted = true;
        }

        if (string.IsNullOrWhiteSpace(raw.Feedback))
        {
            reasons.Add("model wrote no feedback");
        }

        var spans = complete && criteria.Count > 0 ? raw.CriterionSpans : raw.ScoreSpan is { } total ? [total] : [];
        return new ParsedModelOutput(score, raw.Feedback, criteria, reasons, null) { ScoreSpans = spans, ScoreAdjusted = adjusted };
    }

    private static List<CriterionScore> ValidateCriteria(IReadOnlyList<CriterionScore> given, Question question, List<string> reasons, out bool complete, out bool clamped)
    {
        clamped = false;
        var rubric = question.CriteriaOrEmpty;
        var result = new List<CriterionScore>();
        complete = false;
        if (rubric.Count == 0)
        {
            if (given.Count > 0)
            {
                reasons.Add("model scored criteria the question does not have; they were ignored");
            }

            return result;
        }

        if (given.Count == 0)
        {
            reasons.Add("model gave no per-criterion scores");
            return result;
        }

        foreach (var criterion in rubric)
        {
            var match = given.FirstOrDefault(g => string.Equals(g.Id, criterion.Id, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                reasons.Add($"model did not score criterion {criterion.Id}");
                continue;
            }

            var points = match.Score;
            if (!double.IsFinite(points) || points < 0 || points > criterion.Points)
            {
                reasons.Add($"model gave criterion {criterion.Id} {Format(points)} points, outside [0, {Format(criterion.Points)}]; clamped");
                points = double.IsFinite(points) ? Math.Clamp(points, 0, criterion.Points) : 0;
                clamped = true;
            }

            result.Add(new CriterionScore(criterion.Id, points, match.Reason));
        }

        foreach (var unknown in given.Where(g => !rubric.Any(c => string.Equals(c.Id, g.Id, StringComparison.OrdinalIgnoreCase))))
        {
            reasons.Add($"model scored an unknown criterion '{unknown.Id}'; ignored");
        }

        complete = result.Count == rubric.Count;
        return result;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Preview(string reply)
    {
        var flat = new string(reply.ReplaceLineEndings(" ").Select(c => char.IsControl(c) ? '?' : c).ToArray()).Trim();
        return flat.Length <= 80 ? $"\"{flat}\"" : $"\"{flat[..80]}...\"";
    }
}
