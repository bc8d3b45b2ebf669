namespace Grading.Core.Reports;

public sealed record QuestionSummary(string QuestionId, int Graded, double MeanScore, double MaxScore, double MeanPercent, int NeedsReview);
