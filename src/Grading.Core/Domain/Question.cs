using System.Text.Json.Serialization;

namespace Grading.Core.Domain;

/// <summary>A question of an assignment: what the student was asked and what a full answer contains.</summary>
public sealed record Question(
    string Id,
    string Text,
    IReadOnlyList<string> ReferenceAnswers,
    double MaxScore,
    IReadOnlyList<RubricCriterion>? Criteria = null,
    IReadOnlyList<GradedExample>? Examples = null)
{
    [JsonIgnore]
    public IReadOnlyList<RubricCriterion> CriteriaOrEmpty => Criteria ?? [];

    [JsonIgnore]
    public IReadOnlyList<GradedExample> ExamplesOrEmpty => Examples ?? [];
}
