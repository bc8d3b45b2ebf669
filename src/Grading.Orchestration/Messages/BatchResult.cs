using Grading.Core.Reports;

namespace Grading.Orchestration.Messages;

/// <summary>The orchestration's output: the summary and where the report files are.</summary>
public sealed record BatchResult(BatchSummary Summary, string ReportPrefix);
