namespace Grading.IntegrationTests.LocalEngine.TestTasks;

public sealed record ProgressStatus(string Phase, string Detail);
