using Grading.Core.Domain;
using Grading.Core.Grading;

namespace Grading.Core.Safety;

/// <summary>
/// Wraps any grader so no student can talk it into a better score: every answer goes through <see cref="AnswerScreen"/>,
/// the grader sees the answer with the flagged spans removed (so injected text, a pasted reference or stuffed key terms
/// can never raise the score), and a flagged answer goes to review with the screen's reasons. The score always comes from
/// the wrapped grader, never from the student's text.
/// </summary>
public sealed class ScreenedGrader : IGrader
{
    public const string LeftOutNote = "Part of this answer was addressed to the grader, copied from the reference answer or repeated key terms; it was left out of grading and a teacher will review it.";

    public const string NothingLeftFeedback = "Not graded automatically: after text addressed to the grader, copied from the reference answer or repeating key terms was left out, nothing of the answer remained. A teacher will review it.";

    public ScreenedGrader(IGrader inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner is ScreenedGrader screened ? screened.Inner : inner;
    }

    /// <summary>The grader that scores the screened answers.</summary>
    public IGrader Inner { get; }

    public string Name => Inner.Name;

    public string ModelVersion => Inner.ModelVersion;

    public async Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var screens = requests.Select(r => AnswerScreen.Screen(r.Submission.Answer ?? string.Empty, r.Question)).ToArray();
        var toGrade = Enumerable.Range(0, requests.Count).Where(i => !screens[i].IsFlagged || HasContent(screens[i].CleanedAnswer)).ToArray();
        var graded = toGrade.Length == 0
            ? []
            : await Inner.GradeAsync(toGrade.Select(i => Screened(requests[i], screens[i])).ToArray(), cancellationToken);
        if (graded.Count != toGrade.Length)
        {
            throw new InvalidOperationException($"Grader '{Inner.Name}' returned {graded.Count} results for {toGrade.Length} answers.");
        }

        var results = new GraderResult[requests.Count];
        for (var k = 0; k < toGrade.Length; k++)
        {
            results[toGrade[k]] = graded[k];
        }

        for (var i = 0; i < requests.Count; i++)
        {
            var screen = screens[i];
            if (!screen.IsFlagged)
            {
                continue;
            }

            results[i] = results[i] is { } inner
                ? inner with { Feedback = $"{inner.Feedback} {LeftOutNote}".Trim(), ReviewReasons = [.. screen.ReviewReasons, .. inner.ReviewReasons] }
                : new GraderResult(0, NothingLeftFeedback, 0, [.. screen.ReviewReasons, "nothing of the answer was left to grade"], GradeLabel.Incorrect);
        }

        return results;
    }

    private static GradingRequest Screened(GradingRequest request, ScreenResult screen) =>
        screen.IsFlagged ? request with { Submission = request.Submission with { Answer = screen.CleanedAnswer } } : request;

    private static bool HasContent(string text) => text.Any(char.IsLetterOrDigit);
}
