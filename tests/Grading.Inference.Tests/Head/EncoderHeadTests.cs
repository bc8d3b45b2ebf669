using System.IO.Compression;
using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

[Collection(SafMiniHeadCollection.Name)]
public sealed class EncoderHeadTests(SafMiniHeadFixture fixture)
{
    [Fact]
    public void Load_SavedHead_VersionIsTheFileHashAndPredictionsAreKept()
    {
        var path = Path.Combine(Path.GetTempPath(), $"head-{Guid.NewGuid():N}.zip");
        try
        {
            fixture.Head.Save(path);

            var loaded = EncoderHead.Load(path);

            Assert.Equal(EncoderHead.VersionOf(File.ReadAllBytes(path)), loaded.Version);
            Assert.Equal(24, loaded.Manifest.Answers);
            Assert.Equal(HeadFeatures.WithExamplesNames, loaded.Manifest.ExampleFeatures);
            float[][] features = [Enumerable.Range(0, HeadFeatures.WithExamplesNames.Length).Select(i => i / 40f).ToArray()];
            Assert.Equal(fixture.Head.WithExamples.Predict(features), loaded.WithExamples.Predict(features));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Train_OtherData_GivesAnotherVersion()
    {
        var other = new HeadEvaluation(fixture.Embedder, SafMiniHeadFixture.SmallData).Train(fixture.Questions.Take(2).ToArray(), "two questions");

        Assert.NotEqual(fixture.Head.Version, other.Version);
    }

    [Fact]
    public void Load_NotAHead_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => EncoderHead.Load([1, 2, 3]));
    }

    [Fact]
    public void Load_HeadTrainedOnOtherFeatures_ThrowsInvalidDataSayingRetrain()
    {
        var bytes = fixture.Head.ToBytes();
        using var buffer = new MemoryStream();
        buffer.Write(bytes);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("head.json")!;
            string json;
            using (var reader = new StreamReader(entry.Open()))
            {
                json = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("head.json").Open());
            writer.Write(json.Replace("\"refSimMax\"", "\"someOldFeature\"", StringComparison.Ordinal));
        }

        var error = Assert.Throws<InvalidDataException>(() => EncoderHead.Load(buffer.ToArray()));

        Assert.Contains("retrain", error.Message);
    }

    [Fact]
    public void LoadDefault_ShippedHead_LoadsWithBothFeatureSets()
    {
        var head = EncoderHead.LoadDefault();

        Assert.Equal(HeadFeatures.WithExamplesNames, head.Manifest.ExampleFeatures);
        Assert.Equal(HeadFeatures.ReferenceOnlyNames, head.Manifest.ReferenceFeatures);
        Assert.Matches("^[0-9a-f]{12}$", head.Version);
    }
}
