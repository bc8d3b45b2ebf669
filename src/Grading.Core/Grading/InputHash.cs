using System.Security.Cryptography;
using System.Text;
using Grading.Core.Domain;

namespace Grading.Core.Grading;

/// <summary>Identifies "the same grading input": a repeated batch or a retried activity produces the same hash.</summary>
public static class InputHash
{
    public static string Of(Submission submission, Question question, string rubricHash, IGrader grader)
    {
        var text = string.Join('\u001f', submission.AssignmentId, submission.SubmissionId, question.Id, submission.Answer, rubricHash, grader.Name, grader.ModelVersion);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }
}
