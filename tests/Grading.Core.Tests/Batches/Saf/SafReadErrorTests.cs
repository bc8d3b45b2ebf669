using Grading.Core.Batches.Saf;
using Grading.Core.Domain;

namespace Grading.Core.Tests.Batches.Saf;

public sealed class SafReadErrorTests
{
    [Fact]
    public void ToRowError_AnswerError_KeepsTheAnswerIdAndNamesTheFile()
    {
        var error = new SafReadError("week1.xml", "1.6.7", "score", "'abc' is not a non-negative number");

        Assert.Equal(new RowError(0, "1.6.7", "score", "week1.xml: 'abc' is not a non-negative number"), error.ToRowError());
    }

    [Fact]
    public void ToRowError_FileError_HasNoSubmission()
    {
        var error = new SafReadError("broken.xml", null, "file", "not well-formed XML");

        Assert.Equal(new RowError(0, null, "file", "broken.xml: not well-formed XML"), error.ToRowError());
    }
}
