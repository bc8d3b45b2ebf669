using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grading.Inference.TestModels;

/// <summary>
/// Writes a Hugging Face <c>tokenizer.json</c> (byte-level BPE without merges: one token per UTF-8 byte, ids 0..255 in
/// byte order) plus an end token, and the matching <c>tokenizer_config.json</c>. Any text round-trips, whatever its script.
/// </summary>
public static class ByteLevelTokenizerFiles
{
    public const int EndTokenId = 256;
    public const string EndToken = "<|end|>";
    public const int VocabSize = 257;

    public static void Write(string folder)
    {
        var vocab = new JsonObject();
        var byteToChar = ByteToUnicode();
        for (var b = 0; b < 256; b++)
        {
            vocab[byteToChar[b].ToString()] = b;
        }

        vocab[EndToken] = EndTokenId;
        var tokenizer = new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = new JsonArray(new JsonObject
            {
                ["id"] = EndTokenId,
                ["content"] = EndToken,
                ["single_word"] = false,
                ["lstrip"] = false,
                ["rstrip"] = false,
                ["normalized"] = false,
                ["special"] = true,
            }),
            ["normalizer"] = null,
            ["pre_tokenizer"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = true },
            ["post_processor"] = null,
            ["decoder"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = true },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE",
                ["dropout"] = null,
                ["unk_token"] = null,
                ["continuing_subword_prefix"] = null,
                ["end_of_word_suffix"] = null,
                ["fuse_unk"] = false,
                ["byte_fallback"] = false,
                ["vocab"] = vocab,
                ["merges"] = new JsonArray(),
            },
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(Path.Combine(folder, "tokenizer.json"), tokenizer.ToJsonString(options), new UTF8Encoding(false));

        var config = new JsonObject
        {
            ["tokenizer_class"] = "GPT2Tokenizer",
            ["add_bos_token"] = false,
            ["add_prefix_space"] = false,
            ["bos_token"] = EndToken,
            ["eos_token"] = EndToken,
            ["pad_token"] = EndToken,
            ["unk_token"] = EndToken,
            ["clean_up_tokenization_spaces"] = false,
            ["model_max_length"] = 4096,
        };
        File.WriteAllText(Path.Combine(folder, "tokenizer_config.json"), config.ToJsonString(options), new UTF8Encoding(false));
    }

    /// <summary>GPT-2's byte-to-character map: printable bytes map to themselves, the rest to code points from U+0100 up.</summary>
    public static char[] ByteToUnicode()
    {
        var map = new char[256];
        var assigned = new bool[256];
        foreach (var (from, to) in new[] { ('!', '~'), ('\u00A1', '\u00AC'), ('\u00AE', '\u00FF') })
        {
            for (var c = from; c <= to; c++)
            {
                map[c] = c;
                assigned[c] = true;
            }
        }

        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            if (!assigned[b])
            {
                map[b] = (char)next++;
            }
        }

        return map;
    }
}
