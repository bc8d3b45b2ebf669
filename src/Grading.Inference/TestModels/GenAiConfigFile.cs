using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grading.Inference.TestModels;

/// <summary>Writes <c>genai_config.json</c> as ORT GenAI's model builder does for a llama decoder.</summary>
internal static class GenAiConfigFile
{
    public static void Write(string folder, TinyDecoderShape shape)
    {
        var endToken = ByteLevelTokenizerFiles.EndTokenId;
        var config = new JsonObject
        {
            ["model"] = new JsonObject
            {
                ["bos_token_id"] = endToken,
                ["context_length"] = shape.ContextLength,
                ["decoder"] = new JsonObject
                {
                    ["session_options"] = new JsonObject { ["log_id"] = "onnxruntime-genai", ["provider_options"] = new JsonArray() },
                    ["filename"] = TinyDecoderBuilder.FileName,
                    ["head_size"] = shape.HeadSize,
                    ["hidden_size"] = shape.Hidden,
                    ["inputs"] = new JsonObject
                    {
                        ["input_ids"] = "input_ids",
                        ["attention_mask"] = "attention_mask",
                        ["position_ids"] = "position_ids",
                        ["past_key_names"] = "past_key_values.%d.key",
                        ["past_value_names"] = "past_key_values.%d.value",
                    },
                    ["outputs"] = new JsonObject
                    {
                        ["logits"] = "logits",
                        ["present_key_names"] = "present.%d.key",
                        ["present_value_names"] = "present.%d.value",
                    },
                    ["num_attention_heads"] = shape.Heads,
                    ["num_hidden_layers"] = shape.Layers,
                    ["num_key_value_heads"] = shape.KvHeads,
                },
                ["eos_token_id"] = endToken,
                ["pad_token_id"] = endToken,
                ["type"] = "llama",
                ["vocab_size"] = shape.VocabSize,
            },
            ["search"] = new JsonObject
            {
                ["diversity_penalty"] = 0.0,
                ["do_sample"] = false,
                ["early_stopping"] = true,
                ["length_penalty"] = 1.0,
                ["max_length"] = shape.ContextLength,
                ["min_length"] = 0,
                ["no_repeat_ngram_size"] = 0,
                ["num_beams"] = 1,
                ["num_return_sequences"] = 1,
                // GroupQueryAttention writes new keys and values into the cache in place: one buffer, as the builder sets it.
                ["past_present_share_buffer"] = true,
                ["repetition_penalty"] = 1.0,
                ["temperature"] = 1.0,
                ["top_k"] = 1,
                ["top_p"] = 1.0,
            },
        };
        File.WriteAllText(Path.Combine(folder, "genai_config.json"), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
