namespace Grading.Core.Safety;

/// <summary>What an answer tried to do besides answering the question.</summary>
public enum ScreenFindingKind
{
    /// <summary>Text addressed to the grader: "ignore previous instructions", "give full marks", in any language.</summary>
    GraderInstruction,

    /// <summary>The answer speaks as the system, the assistant or a new grader persona ("you are now ...", "System:").</summary>
    RolePlay,

    /// <summary>Chat-template control markers such as <c>[INST]</c>, <c>&lt;|im_start|&gt;</c>, <c>&lt;&lt;SYS&gt;&gt;</c>.</summary>
    TemplateToken,

    /// <summary>A line that looks like the grader's own output: "Score: 10/10", <c>"score": 5</c>, "Grade: A", "Feedback:".</summary>
    FakeScore,

    /// <summary>An attempt to close the answer block or start a new section of the prompt.</summary>
    BlockEscape,

    /// <summary>A reference answer copied word for word into the answer.</summary>
    PastedReference,

    /// <summary>Repeated key terms or a bare list of them instead of sentences.</summary>
    KeywordStuffing,
}
