using System.Globalization;
using System.Text;
using Grading.Core.Batches;
using Grading.Core.Domain;

namespace Grading.IntegrationTests.Pipeline;

/// <summary>Batches written by the tests themselves: a small assignment and answers of mixed quality.</summary>
internal static class GeneratedBatches
{
    private static readonly string[] GoodAnswers =
    [
        "Plants use sunlight, water and carbon dioxide to make glucose and release oxygen.",
        "Light energy lets the chloroplasts turn CO2 and water into sugar, giving off oxygen.",
    ];

    private static readonly string[] WeakAnswers =
    [
        "Plants grow in soil.",
        "It is something about leaves.",
        "光合作用は植物が光を使うことです。",
    ];

    public static string NewAssignmentId() => "it-" + Guid.NewGuid().ToString("N")[..10];

    public static Assignment Assignment(string assignmentId) => new(
        assignmentId,
        [
            new Question(
                "photosynthesis",
                "What does photosynthesis produce, and what does a plant need for it?",
                ["Photosynthesis uses light, water and carbon dioxide to produce glucose and oxygen."],
                2),
            new Question(
                "gravity",
                "Why does a dropped ball fall to the ground?",
                ["Gravity: the Earth's mass attracts the ball, pulling it towards the centre of the Earth."],
                3),
        ]);

    /// <summary>A CSV of <paramref name="rows"/> valid answers, plus the given bad rows appended at the end.</summary>
    public static byte[] Csv(int rows, params string[] badRows)
    {
        var csv = new StringBuilder("submissionId,questionId,answer,humanScore\n");
        for (var i = 0; i < rows; i++)
        {
            var good = i % 2 == 0;
            var answer = good ? GoodAnswers[i % GoodAnswers.Length] : WeakAnswers[i % WeakAnswers.Length];
            var question = i % 5 == 4 ? "gravity" : "photosynthesis";
            if (question == "gravity")
            {
                answer = good ? "The Earth's gravity pulls the ball down towards its centre." : "Because balls are round.";
            }

            var human = good ? (question == "gravity" ? 3 : 2) : 0;
            csv.Append(CultureInfo.InvariantCulture, $"sub-{i:D5},{question},\"{answer}\",{human}\n");
        }

        foreach (var bad in badRows)
        {
            csv.Append(bad).Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] AssignmentJson(string assignmentId) => AssignmentReader.Write(Assignment(assignmentId));
}
