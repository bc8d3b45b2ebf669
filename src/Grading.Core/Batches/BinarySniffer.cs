namespace Grading.Core.Batches;

internal static class BinarySniffer
{
    /// <summary>Text files (any script) have no NUL bytes; PDFs, images, archives and spreadsheets almost always do early on.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> content) =>
        content[..Math.Min(content.Length, 8192)].Contains((byte)0);
}
