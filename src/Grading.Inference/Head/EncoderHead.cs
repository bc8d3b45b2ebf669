using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;

namespace Grading.Inference.Head;

/// <summary>
/// The trained head: one <see cref="FeatureSetHead"/> for questions with graded examples and one for questions with
/// reference answers only. Saved as one zip file (four ML.NET models and head.json); <see cref="Version"/> is a hash
/// of the file, so a retrained head gives grades a new model version.
/// </summary>
public sealed class EncoderHead
{
    private const string ManifestEntry = "head.json";
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    internal EncoderHead(MLContext ml, FeatureSetHead withExamples, FeatureSetHead referenceOnly, HeadManifest manifest, string version)
    {
        Ml = ml;
        WithExamples = withExamples;
        ReferenceOnly = referenceOnly;
        Manifest = manifest;
        Version = version;
    }

    internal MLContext Ml { get; }

    internal FeatureSetHead WithExamples { get; }

    internal FeatureSetHead ReferenceOnly { get; }

    public HeadManifest Manifest { get; }

    /// <summary>The first 12 hex digits of the SHA-256 of the saved head ("unsaved" before it is saved or loaded).</summary>
    public string Version { get; }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "examples-score.mlnet", WithExamples.Score, WithExamples.FeatureCount);
            Write(zip, "examples-label.mlnet", WithExamples.Label, WithExamples.FeatureCount);
            Write(zip, "reference-score.mlnet", ReferenceOnly.Score, ReferenceOnly.FeatureCount);
            Write(zip, "reference-label.mlnet", ReferenceOnly.Label, ReferenceOnly.FeatureCount);
            var entry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            using var stream = entry.Open();
            JsonSerializer.Serialize(stream, Manifest, JsonOptions);
        }

        return buffer.ToArray();
    }

    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    /// <exception cref="InvalidDataException">The file is not a head this version can read.</exception>
    public static EncoderHead Load(byte[] bytes)
    {
        var ml = new MLContext(seed: 1);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            HeadManifest manifest;
            using (var stream = (zip.GetEntry(ManifestEntry) ?? throw new InvalidDataException($"the head has no {ManifestEntry}")).Open())
            {
                manifest = JsonSerializer.Deserialize<HeadManifest>(stream, JsonOptions) ?? throw new InvalidDataException($"{ManifestEntry} is empty");
            }

            if (manifest.FormatVersion != HeadManifest.CurrentFormatVersion)
            {
                throw new InvalidDataException($"head format {manifest.FormatVersion} is not {HeadManifest.CurrentFormatVersion}; retrain it with grading train-head");
            }

            // Features are passed by position: a head trained on another feature layout would be fed the wrong numbers.
            if (!manifest.ExampleFeatures.SequenceEqual(HeadFeatures.WithExamplesNames) || !manifest.ReferenceFeatures.SequenceEqual(HeadFeatures.ReferenceOnlyNames))
            {
                throw new InvalidDataException("the head was trained on other features than this version computes; retrain it with grading train-head");
            }

            var examples = new FeatureSetHead(ml, manifest.ExampleFeatures.Count, Read(ml, zip, "examples-score.mlnet"), Read(ml, zip, "examples-label.mlnet"), manifest.ExampleCalibration);
            var reference = new FeatureSetHead(ml, manifest.ReferenceFeatures.Count, Read(ml, zip, "reference-score.mlnet"), Read(ml, zip, "reference-label.mlnet"), manifest.ReferenceCalibration);
            return new EncoderHead(ml, examples, reference, manifest, VersionOf(bytes));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Not a readable encoder head: {e.Message}", e);
        }
    }

    public static EncoderHead Load(string path) => Load(File.ReadAllBytes(path));

    /// <summary>The head trained on SAF that ships inside this assembly: the default grader's head.</summary>
    public static EncoderHead LoadDefault()
    {
        using var stream = typeof(EncoderHead).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded head {DefaultResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Load(copy.ToArray());
    }

    public const string DefaultResourceName = "Grading.Inference.Head.encoder-head.zip";

    /// <summary>The saved form of a freshly trained head, reloaded so its version is the hash of what would be saved.</summary>
    internal EncoderHead Reloaded() => Load(ToBytes());

    public static string VersionOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];

    // Zip entries carry a timestamp; a fixed one makes the same head give the same bytes and so the same version.
    private static readonly DateTimeOffset FixedTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void Write(ZipArchive zip, string name, ITransformer model, int featureCount)
    {
        var ml = new MLContext(seed: 1);
        var schema = FeatureSetHead.InputDataSchema(ml, featureCount);
        using var buffer = new MemoryStream();
        ml.Model.Save(model, schema, buffer);
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        entry.LastWriteTime = FixedTime;
        using var stream = entry.Open();
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static ITransformer Read(MLContext ml, ZipArchive zip, string name)
    {
        using var stream = (zip.GetEntry(name) ?? throw new InvalidDataException($"the head has no {name}")).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return ml.Model.Load(copy, out _);
    }
}
