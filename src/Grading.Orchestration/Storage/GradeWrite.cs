using Grading.Core.Domain;

namespace Grading.Orchestration.Storage;

/// <summary>The grade now current for a submission, and whether this write changed it.</summary>
public sealed record GradeWrite(Grade Current, bool Written);
