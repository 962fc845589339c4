namespace AttackMap.Detections;

/// <summary>Small syntax helpers: wildcard names, operator parameters, and parentheses that open a sub-query.</summary>
internal sealed partial class KqlTableExtractor
{
    private string ReadName(ref int i)
    {
        var name = _tokens[i++].Text;
        while (i < _tokens.Count && !_tokens[i].SpaceBefore
            && (_tokens[i].Is("*") || (_tokens[i].Kind == KqlTokenKind.Identifier && _tokens[i - 1].Is("*"))))
        {
            name += _tokens[i++].Text;
        }

        return name;
    }

    private void SkipParameters(ref int i)
    {
        while (true)
        {
            var j = i;
            while (At(j).Kind == KqlTokenKind.Identifier && At(j + 1).Is("."))
            {
                j += 2;
            }

            if (At(j).Kind == KqlTokenKind.Identifier && At(j + 1).Is("=") && At(j + 2).Kind != KqlTokenKind.Punctuation)
            {
                i = j + 3;
            }
            else
            {
                return;
            }
        }
    }

    private bool OpensSubQuery(int open)
    {
        var previous = open > 0 ? _tokens[open - 1] : default;
        if (previous.Is("~") && open > 1)
        {
            previous = _tokens[open - 2];
        }

        return previous.IsWord("in") || previous.IsWord("materialize") || previous.IsWord("toscalar");
    }
}
