using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grading.Core.Domain;

namespace Grading.Core.Grading;

/// <summary>
/// A short fingerprint of everything in a question that changes what a correct grade is.
/// Re-grading compares it with the hash stored on a grade to find grades made under an older rubric.
/// </summary>
public static class RubricHash
{
    public static string Of(Question question)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            question.Text,
            question.ReferenceAnswers,
            question.MaxScore,
            Criteria = question.CriteriaOrEmpty.Select(c => new { c.Id, c.Description, c.Points }),
        });
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        return Convert.ToHexStringLower(digest.AsSpan(0, 8));
    }
}
