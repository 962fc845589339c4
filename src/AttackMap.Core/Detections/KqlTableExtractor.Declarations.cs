namespace AttackMap.Detections;

/// <summary>The names a query defines itself: <c>let</c> names, function parameters, <c>as</c> names, and which parameters feed <c>table()</c>.</summary>
internal sealed partial class KqlTableExtractor
{
    private static readonly HashSet<string> StatementKeywords = new(StringComparer.Ordinal)
    {
        "let", "set", "declare", "alias", "pattern", "restrict", "print", "range", "evaluate", "datatable", "externaldata", "external_data",
    };

    private static readonly HashSet<string> BuiltInSources = new(StringComparer.Ordinal)
    {
        "datatable", "externaldata", "external_data", "materialize", "toscalar", "view", "database", "cluster", "workspace", "app", "range", "print",
    };

    private static bool IsStatementKeyword(string word) => StatementKeywords.Contains(word);

    private static bool IsBuiltInSource(string word) => BuiltInSources.Contains(word);

    private void CollectDeclarations()
    {
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.IsWord("let") && At(i + 1).Kind == KqlTokenKind.Identifier && At(i + 2).Is("="))
            {
                var name = _tokens[i + 1].Text;
                _localNames.Add(name);
                if (At(i + 3).Kind == KqlTokenKind.String && (At(i + 4).Is(";") || At(i + 4).Text.Length == 0))
                {
                    _stringConstants[name] = _tokens[i + 3].Text;
                }

                var open = At(i + 3).IsWord("view") ? i + 4 : i + 3;
                if (At(open).Is("(") && ParameterList(open) is { } parameters)
                {
                    _letFunctions[name] = parameters;
                }
            }
            else if (token.IsWord("as") && i > 0 && _tokens[i - 1].Is("|"))
            {
                // | as X names the result for the rest of the query.
                var j = i + 1;
                while (At(j).Kind == KqlTokenKind.Identifier && At(j + 1).Is("="))
                {
                    j += 3;
                }

                if (At(j).Kind == KqlTokenKind.Identifier)
                {
                    _localNames.Add(At(j).Text);
                }
            }
            else if (token.IsWord("table") && At(i + 1).Is("(") && At(i + 2).Kind == KqlTokenKind.Identifier && At(i + 3).Is(")"))
            {
                _tableParameters.Add(_tokens[i + 2].Text);
            }
        }
    }

    /// <summary>Reads <c>(a:string, b:int = 1)</c> followed by <c>{</c>; null when the parenthesis is not a lambda's parameter list.</summary>
    private List<string>? ParameterList(int open)
    {
        var parameters = new List<string>();
        var depth = 0;
        for (var j = open; j < _tokens.Count; j++)
        {
            var token = _tokens[j];
            if (token.Is("("))
            {
                depth++;
            }
            else if (token.Is(")"))
            {
                depth--;
                if (depth == 0)
                {
                    if (!At(j + 1).Is("{"))
                    {
                        return null;
                    }

                    foreach (var parameter in parameters)
                    {
                        _localNames.Add(parameter);
                        _parameters.Add(parameter);
                    }

                    return parameters;
                }
            }
            else if (depth == 1 && token.Kind == KqlTokenKind.Identifier && At(j + 1).Is(":") && (_tokens[j - 1].Is("(") || _tokens[j - 1].Is(",")))
            {
                parameters.Add(token.Text);
            }
        }

        return null;
    }
}
