namespace Grading.Inference.Head;

/// <summary>The JSON part of a head file: what it was trained on, its feature layout and its confidence calibration.</summary>
public sealed record HeadManifest(
    int FormatVersion,
    string TrainedOn,
    int Questions,
    int Answers,
    IReadOnlyList<string> ExampleFeatures,
    IReadOnlyList<string> ReferenceFeatures,
    IsotonicCalibration ExampleCalibration,
    IsotonicCalibration ReferenceCalibration,
    HeadTrainingOptions Options)
{
    public const int CurrentFormatVersion = 1;
}
