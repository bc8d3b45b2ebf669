using System.Text;

namespace Grading.Core.Prompts;

/// <summary>
/// Puts a student's answer into the prompt as inert data. Angle and square brackets and ampersands are entity-escaped,
/// so the answer can neither close the <c>&lt;student_answer&gt;</c> block nor write a chat template's control markers
/// (<c>[/INST]</c>, <c>&lt;|im_end|&gt;</c>, <c>&lt;|end|&gt;</c>); and every line is quoted with "| ", so no line of the
/// answer can start like a line of the output contract ("Score:", "Feedback:") even if a model echoes it.
/// </summary>
public static class AnswerBlock
{
    public const string Open = "<student_answer>";
    public const string Close = "</student_answer>";
    public const string LinePrefix = "| ";

    public static string Escape(string answer)
    {
        var escaped = new StringBuilder(answer.Length + 16);
        foreach (var c in answer.ReplaceLineEndings("\n"))
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '[' => "&#91;",
                ']' => "&#93;",
                _ => c.ToString(),
            });
        }

        return string.Join('\n', escaped.ToString().Split('\n').Select(line => LinePrefix + line));
    }

    public static string Wrap(string answer) => $"{Open}\n{Escape(answer)}\n{Close}";
}
