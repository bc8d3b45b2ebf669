using System.Text.Json;
using Grading.Orchestration.Api;

namespace Grading.Orchestration.Tests.Api;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public void Bytes_EveryRoute_IsDescribedWithItsMethodAndOperationId()
    {
        using var document = JsonDocument.Parse(OpenApiDocument.Bytes);
        var paths = document.RootElement.GetProperty("paths");
        var described = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: path.Name, Method: operation.Name.ToUpperInvariant(), Id: operation.Value.GetProperty("operationId").GetString())))
            .ToHashSet();

        var expected = ApiRoutes.All.Select(r => (r.Path, r.Method, (string?)r.Name)).ToHashSet();
        Assert.Equal(expected.OrderBy(e => e.Path + e.Method), described.OrderBy(e => e.Path + e.Method));
    }

    [Fact]
    public void Bytes_AnonymousRoutes_AreExactlyTheOnesWithoutSecurity()
    {
        using var document = JsonDocument.Parse(OpenApiDocument.Bytes);
        var paths = document.RootElement.GetProperty("paths");
        foreach (var route in ApiRoutes.All)
        {
            var operation = paths.GetProperty(route.Path).GetProperty(route.Method.ToLowerInvariant());
            var open = operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
            Assert.True(open == route.Anonymous, $"{route.Method} {route.Path}: anonymous in the document is {open}, in ApiRoutes {route.Anonymous}");
        }
    }
}
