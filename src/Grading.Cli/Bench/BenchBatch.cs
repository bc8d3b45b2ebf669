using System.Globalization;
using System.Text;
using Grading.Core.Domain;

namespace Grading.Cli.Bench;

/// <summary>
/// Generated submissions for the pipeline benchmark: a three-question assignment and answers of mixed length and
/// quality, every one a different text, so nothing is served from a cache the other path would not have.
/// </summary>
internal static class BenchBatch
{
    private static readonly (Question Question, string[] Fragments)[] Questions =
    [
        (new Question("photosynthesis", "What does photosynthesis produce, and what does a plant need for it?",
            ["Photosynthesis uses light, water and carbon dioxide to produce glucose and oxygen."], 2),
            ["plants use sunlight", "water and carbon dioxide", "to make glucose", "and release oxygen", "in the chloroplasts", "leaves are green", "it happens in soil", "roots take up minerals"]),
        (new Question("gravity", "Why does a dropped ball fall to the ground?",
            ["Gravity: the Earth's mass attracts the ball, pulling it towards the centre of the Earth."], 3),
            ["the earth's gravity", "pulls the ball down", "towards its centre", "mass attracts mass", "because balls are round", "air pushes it", "it is heavy", "acceleration is 9.8 m/s2"]),
        (new Question("tcp", "How does TCP make delivery reliable?",
            ["TCP numbers the bytes it sends, the receiver acknowledges them, and unacknowledged segments are retransmitted after a timeout."], 4),
            ["sequence numbers", "acknowledgements from the receiver", "retransmission after a timeout", "a checksum on each segment", "it uses UDP", "packets are fast", "flow control with a window", "the three-way handshake"]),
    ];

    public static Assignment Assignment(string assignmentId) => new(assignmentId, Questions.Select(q => q.Question).ToList());

    /// <param name="minAnswerCharacters">
    /// 0 for answers of one to five fragments (about 20-100 characters); otherwise fragments are added until each answer
    /// has at least this many characters (SAF's answers are about 500).
    /// </param>
    public static byte[] Csv(int count, int minAnswerCharacters = 0)
    {
        var csv = new StringBuilder("submissionId,questionId,answer\n");
        for (var i = 0; i < count; i++)
        {
            var (question, fragments) = Questions[i % Questions.Length];
            var parts = new List<string>();
            string Answer() => $"Answer {i}: {string.Join(", ", parts)}.";
            for (var k = 0; k < 1 + (i * 7 % 5) || Answer().Length < minAnswerCharacters; k++)
            {
                parts.Add(fragments[(i / Questions.Length + (k * 3)) % fragments.Length]);
            }

            csv.Append(CultureInfo.InvariantCulture, $"s{i:D6},{question.Id},\"{Answer()}\"\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
