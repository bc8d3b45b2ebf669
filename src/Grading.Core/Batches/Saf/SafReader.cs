using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Grading.Core.Batches.Saf;

/// <summary>
/// Reads the Short Answer Feedback (SAF v2) XML layout: one file per question,
/// <c>&lt;question id&gt;&lt;questionText/&gt;&lt;referenceAnswers&gt;&lt;referenceAnswer/&gt;...&lt;/referenceAnswers&gt;
/// &lt;studentAnswers&gt;&lt;studentAnswer id&gt;&lt;response/&gt;&lt;response_feedback/&gt;&lt;score/&gt;&lt;verification_feedback/&gt;
/// &lt;/studentAnswer&gt;...&lt;/studentAnswers&gt;&lt;/question&gt;</c>. An answer without a score is one
/// no tutor has scored yet (it is read, with a null score). A bad answer is reported and skipped; the rest of the
/// file and the other files are still read.
/// </summary>
public static class SafReader
{
    /// <exception cref="BatchFormatException">The directory does not exist or holds no XML file.</exception>
    public static SafCorpus ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new BatchFormatException($"The SAF directory '{directory}' does not exist.");
        }

        var files = Directory.GetFiles(directory, "*.xml").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new BatchFormatException($"The SAF directory '{directory}' holds no .xml question files.");
        }

        var questions = new List<SafQuestion>();
        var errors = new List<SafReadError>();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var question = ReadFile(stream, Path.GetFileName(file), errors);
            if (question is not null)
            {
                questions.Add(question);
            }
        }

        return new SafCorpus(questions, errors);
    }

    /// <summary>Reads one question file; problems are appended to <paramref name="errors"/>. Null when the file is unusable.</summary>
    public static SafQuestion? ReadFile(Stream xml, string fileName, ICollection<SafReadError> errors)
    {
        XElement root;
        try
        {
            root = XDocument.Load(xml).Root ?? throw new XmlException("no root element");
        }
        catch (XmlException e)
        {
            errors.Add(new SafReadError(fileName, null, "file", $"not well-formed XML: {e.Message}"));
            return null;
        }

        if (root.Name.LocalName != "question")
        {
            errors.Add(new SafReadError(fileName, null, "question", $"the root element is <{root.Name.LocalName}>, not <question>"));
            return null;
        }

        var id = ((string?)root.Attribute("id"))?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            id = Path.GetFileNameWithoutExtension(fileName);
        }

        var text = root.Element("questionText")?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new SafReadError(fileName, null, "questionText", "required element is missing or empty"));
            return null;
        }

        var references = root.Element("referenceAnswers")?.Elements("referenceAnswer")
            .Select(reference => reference.Value.Trim())
            .Where(reference => reference.Length > 0)
            .ToArray() ?? [];

        var answers = new List<SafAnswer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in root.Element("studentAnswers")?.Elements("studentAnswer") ?? [])
        {
            index++;
            var answerId = ((string?)element.Attribute("id"))?.Trim();
            if (string.IsNullOrEmpty(answerId))
            {
                answerId = $"{id}.{index}";
            }

            if (!seen.Add(answerId))
            {
                errors.Add(new SafReadError(fileName, answerId, "id", "duplicate answer id; the later answer is skipped"));
                continue;
            }

            var response = element.Element("response")?.Value;
            var scoreText = element.Element("score")?.Value.Trim();
            if (response is null)
            {
                errors.Add(new SafReadError(fileName, answerId, "response", "required element is missing"));
                continue;
            }

            // No score is an answer waiting for its grade, not an error; a score that is not a number is.
            double? score = null;
            if (!string.IsNullOrEmpty(scoreText))
            {
                if (!double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed) || parsed < 0)
                {
                    errors.Add(new SafReadError(fileName, answerId, "score", $"'{scoreText}' is not a non-negative number"));
                    continue;
                }

                score = parsed;
            }

            answers.Add(new SafAnswer(
                answerId,
                response.Trim(),
                score,
                NullIfBlank(element.Element("verification_feedback")?.Value),
                NullIfBlank(element.Element("response_feedback")?.Value)));
        }

        if (!answers.Any(answer => answer.Score is not null))
        {
            errors.Add(new SafReadError(fileName, null, "studentAnswers", answers.Count == 0
                ? "no readable answer: the question's max score cannot be inferred"
                : $"none of its {answers.Count} answers has a tutor score: the question's max score cannot be inferred, so they are not graded"));
            return null;
        }

        return new SafQuestion(id, text, references, answers);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
