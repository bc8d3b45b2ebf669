namespace Grading.Core.Batches;

public enum BatchFormat
{
    Jsonl,
    Csv,
}
