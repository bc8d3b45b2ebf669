using System.ComponentModel.DataAnnotations;

namespace Grading.Orchestration.Options;

/// <summary>Settings under the "Grading" configuration section; validated when the host starts.</summary>
public sealed class GradingOptions
{
    public const string SectionName = "Grading";

    /// <summary>Answers per GradeChunk activity: large enough to batch the model, small enough to retry cheaply.</summary>
    [Range(1, 1000)]
    public int ChunkSize { get; set; } = 32;

    /// <summary>Chunks graded at once by one orchestration, so one batch cannot flood every worker.</summary>
    [Range(1, 1000)]
    public int MaxParallelChunks { get; set; } = 16;

    /// <summary>Above this many chunks a batch is split across sub-orchestrations, keeping each history small.</summary>
    [Range(1, 5000)]
    public int MaxChunksPerOrchestration { get; set; } = 400;

    /// <summary>
    /// Grader calls (one chunk each) running at once in one process. 1 suits the CPU encoder, whose one call uses every
    /// core; raise it for a grader that overlaps calls (the decoder with several generators, a GPU with room to spare).
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentGraderCalls { get; set; } = 1;

    [Range(1, 1_000_000)]
    public int MaxAnswerLength { get; set; } = 20_000;

    /// <summary>Grades whose confidence is below this are flagged needsReview.</summary>
    [Range(0.0, 1.0)]
    public double ReviewBelowConfidence { get; set; } = 0.35;

    [Range(1, 10)]
    public int ActivityMaxAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ActivityFirstRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Debugging only: let logs carry students' answer text (and grader messages that may quote it). Off by default, so
    /// logs hold ids, row numbers and counts, never what a student wrote.
    /// </summary>
    public bool LogAnswerText { get; set; }

    [Required]
    public StorageOptions Storage { get; set; } = new();
}
