using System.Text.RegularExpressions;

namespace Grading.Core.Safety;

/// <summary>
/// The phrase rules of the answer screen. They run with <see cref="RegexOptions.NonBacktracking"/>, so a hostile answer
/// cannot make matching slow (linear time in the answer's length), which also means no look-arounds here.
/// Rules aim at text addressed to a grader, not at topics: an answer about "the score of a football match" or
/// "following the instructions on a label" must pass.
/// </summary>
internal static class InjectionPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.NonBacktracking;

    // Shared pieces. "." never crosses a line (no Singleline), so a rule matches within one line.
    private const string MarksEn = @"(marks?|points?|scores?|credits?|grades?)";
    private const string GraderEn = @"(grader|marker|examiner|teacher|professor|tutor|evaluator|assessor|ai|llm|model|assistant|chatgpt|gpt|bot)";
    private const string NumberGrade = @"(\d+([.,]\d+)?\s*(/|out\s+of|von|sur|de|sobre)\s*\d+|\d+([.,]\d+)?\s*%|(?-i:[A-F])([+-]|\b)|full|max|maximum|perfect|volle|maximale|maximal|máxima|maxima|满分)";

    public static IReadOnlyList<InjectionPattern> All { get; } =
    [
        // Instructions to the grader, English.
        Rule(ScreenFindingKind.GraderInstruction, "English", "an instruction to ignore the grading instructions", SpanScope.Sentence,
            @"\b(ignore|disregard|forget|override|bypass|skip|neglect)\b.{0,40}\b(instructions?|prompts?|rules?|guidelines?|rubrics?|directions?|criteria|reference\s+answers?|marking\s+schemes?|system\s+messages?)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "a request for full marks", SpanScope.Sentence,
            @"\b(give|award|assign|grant|mark|grade|score|rate|deserves?)\b.{0,40}\b(full|maximum|max|perfect|top|highest|all(\s+the)?|100\s*%)\s+" + MarksEn + @"\b"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "a request for full marks", SpanScope.Sentence,
            @"\b(full\s+(marks|points|credit|score)|maximum\s+(marks|points|credit)|perfect\s+score|top\s+marks)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "a request for a particular score", SpanScope.Sentence,
            @"\b(give|award|assign|grade|mark|rate|score)\s+(this|my|the|me|it|him|her|us)\b.{0,30}(\d+([.,]\d+)?\s*(/|out\s+of)\s*\d+|\ban?\s+a\+?\s*$|\ban?\s+a\+?[\s.,!]|100\s*%)"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "text addressed to the grader", SpanScope.Sentence,
            @"\b(dear|attention|note\s+(to|for)(\s+the)?|hey|hi|hello|message\s+(to|for)(\s+the)?)\s+" + GraderEn + @"\b"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "an instruction about how to grade", SpanScope.Sentence,
            @"\b(must|should|has\s+to|needs\s+to|is\s+to)\s+be\s+(graded|marked|scored|rated|considered|treated)\s+(as\s+)?(correct|right|perfect|excellent|complete|full|\d)"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "an instruction about how to grade", SpanScope.Sentence,
            @"\b(do\s+not|don't|never)\s+(deduct|subtract|take\s+off|penali[sz]e|lower|reduce|dock)\b.{0,30}\b(marks?|points?|scores?|grades?)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "a request for a particular score", SpanScope.Sentence,
            @"\b(award|give|assign|grant)\s+((it|this|them|me|him|her|the\s+student|this\s+answer)\s+)?\d+([.,]\d+)?\s+(marks?|points?)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "a verdict written for the grader", SpanScope.Sentence,
            @"\b(the|this|my)\s+(student'?s?\s+)?(answer|response|submission)\s+(above\s+)?(is|was)\s+(fully\s+|completely\s+|entirely\s+|totally\s+|100\s*%\s+)?(correct|perfect|complete|excellent|flawless)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "an instruction about how to grade", SpanScope.Sentence,
            @"\b(new|updated|additional|real|actual|hidden)\s+(instructions?|rules?|task|directives?|grading\s+criteria)\s*[:：]"),
        Rule(ScreenFindingKind.GraderInstruction, "English", "an instruction about how to grade", SpanScope.Sentence,
            @"\b(the\s+)?(grader|marker|examiner|assistant|evaluator|assessor)\s+(must|should|shall|will|is\s+required\s+to)\b"),

        // German.
        Rule(ScreenFindingKind.GraderInstruction, "German", "an instruction to ignore the grading instructions", SpanScope.Sentence,
            @"\b(ignorier\w*|vergiss|vergessen\s+sie|missachte\w*|übergeh\w*)\b.{0,40}\b(anweisung\w*|instruktion\w*|regeln|vorgaben|bewertungskriterien|musterlösung\w*)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "German", "a request for full marks", SpanScope.Sentence,
            @"\b((volle|maximale|höchste)\s+(punktzahl|punkte|punkten|bewertung|note)|bestnote|alle\s+punkte)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "German", "a request for a particular score", SpanScope.Sentence,
            @"\b(gib|geben\s+sie|vergib|vergeben\s+sie|bewerte|bewerten\s+sie)\b.{0,40}\b(\d+\s*punkte|punktzahl|note\s+(1|eins|sehr\s+gut))\b"),

        // French.
        Rule(ScreenFindingKind.GraderInstruction, "French", "an instruction to ignore the grading instructions", SpanScope.Sentence,
            @"\b(ignore[zs]?|oublie[zs]?|ne\s+tiens\s+pas\s+compte|ne\s+tenez\s+pas\s+compte)\b.{0,40}\b(instructions?|consignes?|règles|directives|barème|bareme)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "French", "a request for full marks", SpanScope.Sentence,
            @"\b(note\s+maximale|note\s+parfaite|tous\s+les\s+points|meilleure\s+note|la\s+note\s+maximum)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "French", "a request for a particular score", SpanScope.Sentence,
            @"\b(donne[zs]?|attribue[zs]?|accorde[zs]?|mets|mettez)\b.{0,40}\b\d+\s*(/|sur)\s*\d+"),

        // Spanish.
        Rule(ScreenFindingKind.GraderInstruction, "Spanish", "an instruction to ignore the grading instructions", SpanScope.Sentence,
            @"\b(ignora\w*|olvida\w*|omite\w*|no\s+hagas\s+caso)\b.{0,40}\b(instrucciones|reglas|indicaciones|directrices|rúbrica|rubrica)\b"),
        Rule(ScreenFindingKind.GraderInstruction, "Spanish", "a request for full marks", SpanScope.Sentence,
            @"\b((puntuación|puntuacion|nota|calificación|calificacion|puntaje)\s+(máxima|maxima|perfecta|completa|total)|todos\s+los\s+puntos|la\s+máxima\s+(nota|puntuación|calificación))\b"),
        Rule(ScreenFindingKind.GraderInstruction, "Spanish", "a request for a particular score", SpanScope.Sentence,
            @"\b(dame|dale|denme|otorga\w*|asigna\w*|ponme|ponle|pon)\b.{0,40}\b\d+\s*(/|de|sobre)\s*\d+"),

        // Chinese (no word boundaries in CJK text).
        Rule(ScreenFindingKind.GraderInstruction, "Chinese", "an instruction to ignore the grading instructions", SpanScope.Sentence,
            @"(忽略|无视|忽视|忘记|忘掉|不要理会|不要管).{0,12}(指令|指示|说明|规则|提示|要求|评分标准)"),
        Rule(ScreenFindingKind.GraderInstruction, "Chinese", "a request for full marks", SpanScope.Sentence,
            @"(满分|最高分|全部分数|给.{0,8}\d+\s*分|打.{0,4}\d+\s*分)"),

        // A few more languages seen in practice.
        Rule(ScreenFindingKind.GraderInstruction, "Russian", "an instruction to ignore the grading instructions", SpanScope.Sentence,
            @"(игнорируй\w*|забудь\w*|не\s+обращай\w*).{0,40}(инструкци\w*|правил\w*|указани\w*)"),
        Rule(ScreenFindingKind.GraderInstruction, "Russian", "a request for full marks", SpanScope.Sentence,
            @"(полный\s+балл|максимальн\w+\s+балл\w*|высш\w+\s+балл\w*)"),
        Rule(ScreenFindingKind.GraderInstruction, "Japanese", "an instruction to ignore the grading instructions", SpanScope.Sentence,
            @"((無視|忘れ).{0,12}(指示|命令|ルール)|(指示|命令|ルール).{0,8}(無視|忘れ)|満点)"),

        // Role-play as the system, the assistant or another grader.
        Rule(ScreenFindingKind.RolePlay, "English", "role-play aimed at the grader", SpanScope.Sentence,
            @"\byou\s+are\s+(now|no\s+longer|actually|henceforth|from\s+now\s+on)\b"),
        Rule(ScreenFindingKind.RolePlay, "English", "role-play aimed at the grader", SpanScope.Sentence,
            @"\b(act|behave|pretend|roleplay|role-play|respond)\s+(as|like|to\s+be)\b.{0,30}\b" + GraderEn + @"\b"),
        Rule(ScreenFindingKind.RolePlay, "English", "role-play aimed at the grader", SpanScope.Sentence,
            @"\byou\s+are\s+an?\s+(lenient|generous|kind|nice|friendly|helpful|different|new|unrestricted)\b.{0,20}\b" + GraderEn + @"\b"),
        Rule(ScreenFindingKind.RolePlay, "English", "a line written as the system, assistant or grader", SpanScope.Line,
            @"^[\s>*#|_-]*(system|assistant|user|grader|teacher|examiner|instructor|ai|model|human)\s*[:：]"),
        Rule(ScreenFindingKind.RolePlay, "English", "text posing as a system message", SpanScope.Sentence,
            @"\b(system|developer|admin|administrator)\s+(prompt|message|override|instructions?|notice|mode|update)\b"),
        Rule(ScreenFindingKind.RolePlay, "German", "role-play aimed at the grader", SpanScope.Sentence,
            @"\b(du\s+bist|sie\s+sind)\s+(jetzt|nun|ab\s+sofort|ab\s+jetzt)\b"),
        Rule(ScreenFindingKind.RolePlay, "French", "role-play aimed at the grader", SpanScope.Sentence,
            @"\b(tu\s+es|vous\s+êtes|vous\s+etes)\s+(maintenant|désormais|desormais|dorénavant|dorenavant)\b"),
        Rule(ScreenFindingKind.RolePlay, "Spanish", "role-play aimed at the grader", SpanScope.Sentence,
            @"\b(ahora\s+eres|eres\s+ahora|a\s+partir\s+de\s+ahora\s+eres|ahora\s+es\s+usted|actúa\s+como|actua\s+como)\b"),
        Rule(ScreenFindingKind.RolePlay, "Chinese", "role-play aimed at the grader", SpanScope.Sentence,
            @"(你现在是|从现在起你是|从现在开始你是|扮演|系统提示|系统消息|你是一个.{0,8}(老师|评分|阅卷|助手))"),

        // Chat-template control markers: a student has no reason to type them. A turn they open is injected text as a
        // whole, up to its closing marker (or the end of the answer); a stray marker takes its sentence with it.
        Rule(ScreenFindingKind.TemplateToken, "any", "a chat-template turn", SpanScope.Match,
            @"\[\s*inst\s*\](.|\n)*?(\[\s*/\s*inst\s*\]|\z)"),
        Rule(ScreenFindingKind.TemplateToken, "any", "a chat-template turn", SpanScope.Match,
            @"<\|im_start\|>(.|\n)*?(<\|im_end\|>|\z)"),
        Rule(ScreenFindingKind.TemplateToken, "any", "a chat-template turn", SpanScope.Match,
            @"<<\s*sys\s*>>(.|\n)*?(<<\s*/\s*sys\s*>>|\z)"),
        Rule(ScreenFindingKind.TemplateToken, "any", "a chat-template turn", SpanScope.Match,
            @"<\|(system|user|assistant)\|>(.|\n)*?(<\|end\|>|\z)"),
        Rule(ScreenFindingKind.TemplateToken, "any", "a chat-template turn", SpanScope.Match,
            @"<\|start_header_id\|>(.|\n)*?(<\|eot_id\|>|\z)"),
        Rule(ScreenFindingKind.TemplateToken, "any", "a chat-template turn", SpanScope.Match,
            @"<\s*start_of_turn\s*>(.|\n)*?(<\s*end_of_turn\s*>|\z)"),
        Rule(ScreenFindingKind.TemplateToken, "any", "a chat-template control marker", SpanScope.Sentence,
            @"(\[/?\s*inst\s*\]|<\|[a-z_]{2,30}\|>|<<\s*/?\s*sys\s*>>|</?s>|<\s*/?\s*(start|end)_of_turn\s*>|^\s*###\s*(instruction|response|system|input|assistant|user)\b)"),

        // Attempts to close the answer block or open another section.
        Rule(ScreenFindingKind.BlockEscape, "any", "an attempt to close the answer block", SpanScope.Sentence,
            @"(<\s*/?\s*(student_answer|student-answer|studentanswer|answer|reference_answer|reference|rubric|question|instructions?|system|prompt|grader|evaluation|user|assistant)\b[^<>\n]{0,40}>|&lt;\s*/?\s*student_answer)"),
        Rule(ScreenFindingKind.BlockEscape, "English", "an attempt to end the answer early", SpanScope.Sentence,
            @"\b(end\s+of\s+(the\s+)?(student'?s?\s+)?(answer|submission|response|input)|(the\s+)?(student'?s?\s+)?answer\s+(ends|is\s+over|block\s+ends)\s+here)\b"),

        // Lines written like the grader's own output.
        Rule(ScreenFindingKind.FakeScore, "any", "a fake score line", SpanScope.Line,
            @"\b(score|grade|rating|punktzahl|bewertung|puntuación|puntuacion|calificación|calificacion|puntaje)\s*[:=：]\s*(\d|" + NumberGrade + ")"),
        Rule(ScreenFindingKind.FakeScore, "any", "a fake score line", SpanScope.Line,
            @"\b(marks?|points?|punkte|note|nota|result|résultat|resultado)\s*[:=：]\s*\d+([.,]\d+)?\s*(/|out\s+of|von|sur|de|sobre|%)"),
        Rule(ScreenFindingKind.FakeScore, "Chinese", "a fake score line", SpanScope.Line,
            @"(分数|得分|评分|成绩|分值)\s*[:=：]\s*\d"),
        Rule(ScreenFindingKind.FakeScore, "any", "a fake output line", SpanScope.Line,
            @"^[\s>*#|_-]*(feedback|confidence|label|criterion\s+[\w-]+|rückmeldung|commentaire|retroalimentación|retroalimentacion|反馈|评语)\s*[:：]"),
        Rule(ScreenFindingKind.FakeScore, "any", "a fake JSON score", SpanScope.Line,
            @"[""'](score|grade|feedback|confidence|label|points|marks|needsreview|criteria)[""']\s*:"),
    ];

    private static InjectionPattern Rule(ScreenFindingKind kind, string language, string what, SpanScope scope, string pattern) =>
        new(kind, language, what, scope, new Regex(pattern, Options, TimeSpan.FromSeconds(2)));
}
