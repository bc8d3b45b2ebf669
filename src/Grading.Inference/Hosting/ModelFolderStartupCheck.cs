using Grading.Inference.GenAi;
using Microsoft.Extensions.Options;

namespace Grading.Inference.Hosting;

/// <summary>
/// When <c>Grading:Grader</c> needs the model folder (genai, two-stage, score-head), checks the folder when the host
/// starts, so a missing or corrupt folder is one error naming its path before any batch runs, not a failed chunk in the
/// middle of one. It reads only the small files (configs, manifest, which files exist); loading the weights stays lazy.
/// </summary>
internal sealed class ModelFolderStartupCheck(IOptions<DecoderModelOptions> modelOptions) : IValidateOptions<GraderOptions>
{
    public ValidateOptionsResult Validate(string? name, GraderOptions options)
    {
        if (options.Grader is not (GraderKinds.GenAi or GraderKinds.TwoStage or GraderKinds.ScoreHead))
        {
            return ValidateOptionsResult.Skip;
        }

        var model = modelOptions.Value;
        if (string.IsNullOrWhiteSpace(model.Path))
        {
            return ValidateOptionsResult.Fail($"Grading:Grader is {options.Grader}: set {DecoderModelOptions.SectionName}:Path (or --model DIR) to its model folder.");
        }

        try
        {
            var folder = ModelFolder.Open(model.Path);
            var needsHead = options.Grader == GraderKinds.ScoreHead || (options.Grader == GraderKinds.TwoStage && model.ScoreStage == GraderKinds.ScoreHead);
            if (needsHead && folder.ScoreHeadPath is null)
            {
                return ValidateOptionsResult.Fail($"Grading:Grader is {options.Grader}, but model folder '{folder.Path}' names no score head in {GradingModelManifest.FileName} (\"score_head\").");
            }

            if (needsHead && folder.ScoreHeadPath is { } named && !File.Exists(named))
            {
                return ValidateOptionsResult.Fail($"Grading:Grader is {options.Grader}, but the score head '{named}' named in {GradingModelManifest.FileName} does not exist.");
            }
        }
        catch (ModelFolderException e)
        {
            return ValidateOptionsResult.Fail($"Grading:Grader is {options.Grader}, but its model folder cannot be used: {e.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
