namespace AttackMap.Detections;

/// <summary>The kinds of token the KQL table extractor distinguishes.</summary>
internal enum KqlTokenKind
{
    /// <summary>A name: a table, column, variable, function or keyword (also <c>$left</c>).</summary>
    Identifier,

    /// <summary>A string literal of any form (regular, verbatim, obfuscated, multi-line); its value is decoded.</summary>
    String,

    /// <summary>A number or a timespan such as <c>3d</c>.</summary>
    Number,

    /// <summary>One punctuation character, or <c>==</c>, <c>=~</c>, <c>!=</c>, <c>!~</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>=&gt;</c>, <c>..</c>.</summary>
    Punctuation,
}
