namespace AttackMap.Detections;

/// <summary>One token of a KQL query.</summary>
/// <param name="Kind">The token kind.</param>
/// <param name="Text">The identifier or punctuation text, the decoded string value, or the number text.</param>
/// <param name="Start">The offset of the token in the query.</param>
/// <param name="Line">The 1-based line of the token.</param>
/// <param name="SpaceBefore">Whether whitespace or a comment precedes the token.</param>
internal readonly record struct KqlToken(KqlTokenKind Kind, string Text, int Start, int Line, bool SpaceBefore)
{
    public bool Is(string punctuation) => Kind == KqlTokenKind.Punctuation && Text == punctuation;

    public bool IsWord(string word) => Kind == KqlTokenKind.Identifier && Text == word;
}
