namespace Grading.Core.Metrics;

/// <summary>A baseline's score error, on scores divided by maxScore.</summary>
public sealed record ScoreBaseline(string Name, double Rmse, double Mae);
