namespace Grading.Core.Prompts;

/// <summary>
/// How a chat model expects a system message and a user turn to be laid out, ending where the assistant's reply begins.
/// The grader and the training-data export render through the same template, so a fine-tuned model sees at
/// inference exactly the text it was trained on.
/// </summary>
public sealed record ChatTemplate(string Name, string SystemStart, string SystemEnd, string UserStart, string UserEnd, string AssistantStart)
{
    /// <summary>Llama-2 chat: <c>[INST] &lt;&lt;SYS&gt;&gt; ... &lt;&lt;/SYS&gt;&gt; ... [/INST]</c> (the tokenizer adds BOS).</summary>
    public static readonly ChatTemplate Llama2 = new("llama2", "[INST] <<SYS>>\n", "\n<</SYS>>\n\n", "", " [/INST]", " ");

    public static readonly ChatTemplate ChatMl = new("chatml", "<|im_start|>system\n", "<|im_end|>\n", "<|im_start|>user\n", "<|im_end|>\n", "<|im_start|>assistant\n");

    public static readonly ChatTemplate Phi3 = new("phi3", "<|system|>\n", "<|end|>\n", "<|user|>\n", "<|end|>\n", "<|assistant|>\n");

    public static IReadOnlyList<ChatTemplate> All { get; } = [Llama2, ChatMl, Phi3];

    /// <summary>The markers a template gives meaning to; student text must never contain them verbatim.</summary>
    public IEnumerable<string> ControlMarkers => new[] { SystemStart, SystemEnd, UserStart, UserEnd, AssistantStart }
        .Select(m => m.Trim())
        .Where(m => m.Length > 0);

    public string Render(string system, string user) => SystemStart + system + SystemEnd + UserStart + user + UserEnd + AssistantStart;

    public static ChatTemplate FromName(string name)
    {
        var normalized = name.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return normalized switch
        {
            "llama2" or "llama2chat" or "llama" => Llama2,
            "chatml" => ChatMl,
            "phi3" or "phi" => Phi3,
            _ => throw new ArgumentException($"Unknown prompt template '{name}'. Use one of: {string.Join(", ", All.Select(t => t.Name))}.", nameof(name)),
        };
    }
}
