using System.Text.RegularExpressions;

namespace Grading.Core.Safety;

/// <summary>One phrase-level rule of <see cref="InjectionPatterns"/>: what it finds, in which language, and how much it removes.</summary>
internal sealed record InjectionPattern(ScreenFindingKind Kind, string Language, string What, SpanScope Scope, Regex Regex);
