using Grading.Orchestration.Storage;

namespace Grading.Orchestration.Tests.Regrade;

public sealed class GradeBlobMetadataTests
{
    [Fact]
    public void TryParse_WhatToDictionaryWrote_GivesItBack()
    {
        var metadata = new GradeBlobMetadata("minilm v2 (é)", "ab12", "cd34", true, new GradeSource("quiz-20261129-abc", 7, 31), "cd34");

        var values = metadata.ToDictionary();

        Assert.All(values.Values, v => Assert.True(v.All(char.IsAscii)));
        Assert.Equal(metadata, GradeBlobMetadata.TryParse(values));
    }

    [Fact]
    public void TryParse_BlobWithoutGradeMetadata_IsNull()
    {
        Assert.Null(GradeBlobMetadata.TryParse(new Dictionary<string, string> { ["owner"] = "someone" }));
    }
}
