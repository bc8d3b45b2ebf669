using Grading.Core.Grading;
using Grading.Core.Safety;
using Grading.Inference.Embeddings;
using Grading.Inference.GenAi;
using Grading.Inference.ScoreHead;
using Grading.Inference.Head;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grading.Inference.Hosting;

public static class GraderServiceCollectionExtensions
{
    /// <summary>
    /// Registers every grader under its <see cref="GraderKinds"/> key and resolves <see cref="IGrader"/> to the one
    /// <c>Grading:Grader</c> selects (default: encoder). Everything is a lazy singleton: a process that grades with the
    /// encoder never loads the decoder, and one that uses the decoder loads it once (model and tokenizer are shared).
    /// </summary>
    public static IServiceCollection AddGraders(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var graderOptions = services.AddOptions<GraderOptions>()
            .Validate(o => GraderKinds.Selectable.Contains(o.Grader), $"Grading:Grader must be one of: {string.Join(", ", GraderKinds.Selectable)}.");
        var modelOptions = services.AddOptions<DecoderModelOptions>().ValidateDataAnnotations();
        if (configuration is not null)
        {
            graderOptions.Bind(configuration.GetSection(GraderOptions.SectionName));
            modelOptions.Bind(configuration.GetSection(DecoderModelOptions.SectionName));
        }

        services.AddOptions<GraderOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraderOptions>, ModelFolderStartupCheck>());
        services.AddOptions<DecoderModelOptions>().ValidateOnStart();

        // The CPU encoder: one MiniLM per process (loading it is slow; it is thread-safe).
        services.AddSingleton<ITextEmbedder>(_ => new MiniLmEmbedder());
        services.AddSingleton(_ => EncoderHead.LoadDefault());
        services.AddKeyedSingleton<IGrader>(GraderKinds.Encoder, (sp, _) => new EncoderHeadGrader(sp.GetRequiredService<ITextEmbedder>(), sp.GetRequiredService<EncoderHead>()));

        services.AddSingleton(sp => DecoderModel.Load(RequireModelPath(sp)));
        services.AddSingleton(sp => DecoderGraderSettingsFactory.Create(sp.GetRequiredService<DecoderModel>().Folder, sp.GetRequiredService<IOptions<DecoderModelOptions>>().Value));
        services.AddSingleton<ITextGenerator>(sp => new GenAiTextGenerator(sp.GetRequiredService<DecoderModel>(), sp.GetRequiredService<IOptions<DecoderModelOptions>>().Value.MaxConcurrentGenerators));
        services.AddSingleton(sp => OnnxScoreHead.Load(ModelFolder.Open(RequireModelPath(sp))));
        services.AddKeyedSingleton<IGrader>(GraderKinds.GenAi, (sp, _) => new GenAiGrader(sp.GetRequiredService<ITextGenerator>(), sp.GetRequiredService<DecoderGraderSettings>()));
        services.AddKeyedSingleton<IGrader>(GraderKinds.ScoreHead, (sp, _) => new ScoreHeadGrader(sp.GetRequiredService<OnnxScoreHead>(), ScoreHeadSettings(sp)));
        services.AddKeyedSingleton<IGrader>(GraderKinds.TwoStage, (sp, _) => new TwoStageGrader(
            sp.GetRequiredKeyedService<IGrader>(ScoreStageKey(sp)),
            sp.GetRequiredService<ITextGenerator>(),
            sp.GetRequiredService<DecoderGraderSettings>()));

        // Every grader a host or batch gets is screened for prompt injection and gaming (see ScreenedGrader).
        services.AddSingleton<IGrader>(sp => new ScreenedGrader(sp.GetRequiredKeyedService<IGrader>(sp.GetRequiredService<IOptions<GraderOptions>>().Value.Grader)));
        services.AddSingleton<GraderCatalog>();
        return services;
    }

    private static string RequireModelPath(IServiceProvider services)
        => services.GetRequiredService<IOptions<DecoderModelOptions>>().Value.Path
            ?? throw new ModelFolderException($"Set {DecoderModelOptions.SectionName}:Path (or --model DIR) to use the {GraderKinds.GenAi}, {GraderKinds.TwoStage} or {GraderKinds.ScoreHead} grader.");

    /// <summary>The score head needs the prompt settings, not the decoder: it must not load the decoder just for them.</summary>
    private static DecoderGraderSettings ScoreHeadSettings(IServiceProvider services)
        => DecoderGraderSettingsFactory.Create(ModelFolder.Open(RequireModelPath(services)), services.GetRequiredService<IOptions<DecoderModelOptions>>().Value);

    private static string ScoreStageKey(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<DecoderModelOptions>>().Value.ScoreStage;
        if (configured is not null)
        {
            return configured is GraderKinds.ScoreHead or GraderKinds.Encoder
                ? configured
                : throw new OptionsValidationException(nameof(DecoderModelOptions.ScoreStage), typeof(DecoderModelOptions), [$"{DecoderModelOptions.SectionName}:ScoreStage must be {GraderKinds.ScoreHead} or {GraderKinds.Encoder}."]);
        }

        return services.GetRequiredService<DecoderModel>().Folder.ScoreHeadPath is { } head && File.Exists(head) ? GraderKinds.ScoreHead : GraderKinds.Encoder;
    }
}
