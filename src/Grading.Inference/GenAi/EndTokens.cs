using System.Text.Json;

namespace Grading.Inference.GenAi;

/// <summary>
/// The end-of-sequence ids GenAI stops on: <c>model.eos_token_id</c> of genai_config.json (a number or an array), as
/// changed by an overlay, plus <c>model.pad_token_id</c> (rows of a batch that finished early are filled with it).
/// GenAI's search stops on these, not on the tokenizer's own end token, so output is cut at them too.
/// </summary>
internal static class EndTokens
{
    public static IReadOnlyList<int> Read(string genAiConfigJson, string? overlayJson)
    {
        var eos = (overlayJson is null ? null : ReadFrom(overlayJson, "eos_token_id")) ?? ReadFrom(genAiConfigJson, "eos_token_id") ?? [];
        var pad = (overlayJson is null ? null : ReadFrom(overlayJson, "pad_token_id")) ?? ReadFrom(genAiConfigJson, "pad_token_id") ?? [];
        return eos.Concat(pad).Distinct().ToList();
    }

    private static IReadOnlyList<int>? ReadFrom(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("model", out var model) || !model.TryGetProperty(property, out var eos))
        {
            return null;
        }

        return eos.ValueKind switch
        {
            JsonValueKind.Number => [eos.GetInt32()],
            JsonValueKind.Array => eos.EnumerateArray().Select(e => e.GetInt32()).ToList(),
            _ => null,
        };
    }
}
