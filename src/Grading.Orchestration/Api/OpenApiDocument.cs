namespace Grading.Orchestration.Api;

/// <summary>The embedded openapi.json (Api/openapi.json), read once.</summary>
public static class OpenApiDocument
{
    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("Grading.Orchestration.Api.openapi.json")
            ?? throw new InvalidOperationException("The embedded resource Api/openapi.json is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static byte[] Bytes => Content.Value;
}
