namespace AttackMap.Detections;

/// <summary>
/// One pass over the tokens of a query that tracks where a tabular source may stand (the start of a statement or of a
/// tabular parenthesis or function body, after <c>let x =</c>, the arguments of <c>union</c>, the right side of <c>join</c>
/// and <c>lookup</c>, <c>in (…)</c>, <c>materialize(…)</c>, <c>toscalar(…)</c>) and resolves the names found there.
/// </summary>
internal sealed partial class KqlTableExtractor
{
    private enum Operator
    {
        None,
        Union,
        Join,
        List,
    }

    private readonly List<KqlToken> _tokens;
    private readonly HashSet<string> _known;
    private readonly SortedSet<string> _tables = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _functions = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _unresolved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _localNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _letFunctions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tableParameters = new(StringComparer.Ordinal);
    private readonly List<(string Function, int Index, string Value)> _calls = new();
    private readonly List<Operator> _frames = new() { Operator.None };

    public KqlTableExtractor(List<KqlToken> tokens, HashSet<string> known)
    {
        _tokens = tokens;
        _known = known;
    }

    public KqlTableReferences Run()
    {
        CollectDeclarations();
        Walk();
        foreach (var (function, index, value) in _calls)
        {
            if (_letFunctions.TryGetValue(function, out var parameters) && index < parameters.Count && _tableParameters.Contains(parameters[index]))
            {
                Resolve(value);
            }
        }

        return new KqlTableReferences
        {
            Tables = _tables.ToArray(),
            Functions = _functions.ToArray(),
            UnresolvedNames = _unresolved.ToArray(),
        };
    }

    private void Walk()
    {
        var expect = true;
        var i = 0;
        while (i < _tokens.Count)
        {
            var token = _tokens[i];
            if (token.Kind == KqlTokenKind.Punctuation)
            {
                expect = Punctuation(ref i, expect);
            }
            else if (token.Kind == KqlTokenKind.Identifier)
            {
                expect = Identifier(ref i, expect);
            }
            else
            {
                i++;
                expect = false;
            }
        }
    }

    private bool Punctuation(ref int i, bool expect)
    {
        var text = _tokens[i].Text;
        switch (text)
        {
            case "(":
                var tabular = expect || OpensSubQuery(i);
                _frames.Add(Operator.None);
                i++;
                return tabular;
            case "{":
                _frames.Add(Operator.None);
                i++;
                return true;
            case ")":
            case "}":
                if (_frames.Count > 1)
                {
                    _frames.RemoveAt(_frames.Count - 1);
                }

                i++;
                return false;
            case ";":
                Top = Operator.None;
                i++;
                return true;
            case ",":
                i++;
                return Top is Operator.Union or Operator.List;
            case "=":
                i++;
                return i >= 3 && _tokens[i - 3].IsWord("let") && _tokens[i - 2].Kind == KqlTokenKind.Identifier;
            case "|":
                i++;
                Top = Operator.None;
                return PipeOperator(ref i);
            case "[" when expect && At(i + 1).Kind == KqlTokenKind.String && At(i + 2).Is("]"):
                Resolve(_tokens[i + 1].Text);
                i += 3;
                return false;
            case "*" when expect:
                Resolve(ReadName(ref i));
                return false;
            default:
                i++;
                return false;
        }
    }

    private bool PipeOperator(ref int i)
    {
        var keyword = At(i);
        if (keyword.IsWord("union") || keyword.IsWord("join") || keyword.IsWord("lookup"))
        {
            Top = keyword.Text == "union" ? Operator.Union : Operator.Join;
            i++;
            SkipParameters(ref i);
            return true;
        }

        return false;
    }

    private bool Identifier(ref int i, bool expect)
    {
        var token = _tokens[i];
        if (At(i + 1).Is("("))
        {
            Call(i, expect);
            i++;
            if (_letFunctions.ContainsKey(token.Text))
            {
                // Arguments of a function the query defines may be tables: f(SigninLogs).
                _frames.Add(Operator.List);
                i++;
                return true;
            }

            return false;
        }

        if (!expect)
        {
            i++;
            return false;
        }

        switch (token.Text)
        {
            case "union":
                Top = Operator.Union;
                i++;
                SkipParameters(ref i);
                return true;
            case "find":
            case "search":
                i++;
                SkipParameters(ref i);
                if (At(i).IsWord("in") && At(i + 1).Is("("))
                {
                    _frames.Add(Operator.List);
                    i += 2;
                    return true;
                }

                return false;
            default:
                if (IsStatementKeyword(token.Text))
                {
                    i++;
                    return false;
                }

                Resolve(ReadName(ref i));
                return false;
        }
    }

    private void Call(int i, bool expect)
    {
        var name = _tokens[i].Text;
        if (name == "table")
        {
            var argument = At(i + 2);
            if (At(i + 3).Is(")") && argument.Kind == KqlTokenKind.String)
            {
                Resolve(argument.Text);
            }

            return;
        }

        if (_letFunctions.ContainsKey(name))
        {
            RecordCall(name, i + 1);
        }
        else if (expect && !_localNames.Contains(name) && !IsBuiltInSource(name) && !(i > 0 && _tokens[i - 1].Is(".")) && IsTabularCall(i))
        {
            _functions.Add(name);
        }
    }

    /// <summary>A call stands for a table unless it is a scalar let value such as <c>let x = dynamic([…]);</c>.</summary>
    private bool IsTabularCall(int i)
    {
        if (i == 0 || !_tokens[i - 1].Is("="))
        {
            return true;
        }

        var depth = 0;
        for (var j = i + 1; j < _tokens.Count; j++)
        {
            if (_tokens[j].Is("(") || _tokens[j].Is("[") || _tokens[j].Is("{"))
            {
                depth++;
            }
            else if ((_tokens[j].Is(")") || _tokens[j].Is("]") || _tokens[j].Is("}")) && --depth == 0)
            {
                return At(j + 1).Is("|");
            }
        }

        return false;
    }

    private void RecordCall(string name, int open)
    {
        var depth = 0;
        var index = 0;
        var start = open + 1;
        for (var j = open; j < _tokens.Count; j++)
        {
            var token = _tokens[j];
            if (token.Is("(") || token.Is("[") || token.Is("{"))
            {
                depth++;
            }
            else if (token.Is(")") || token.Is("]") || token.Is("}"))
            {
                depth--;
            }

            if ((depth == 0 && token.Is(")")) || (depth == 1 && token.Is(",")))
            {
                if (j == start + 1 && _tokens[start].Kind == KqlTokenKind.String)
                {
                    _calls.Add((name, index, _tokens[start].Text));
                }

                index++;
                start = j + 1;
                if (depth == 0)
                {
                    return;
                }
            }
        }
    }

    private void Resolve(string name)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (name.IndexOf('*') >= 0)
        {
            foreach (var table in _known)
            {
                if (KqlWildcard.Matches(name, table))
                {
                    _tables.Add(table);
                }
            }
        }
        else if (_localNames.Contains(name))
        {
            return;
        }
        else if (_known.Contains(name))
        {
            _tables.Add(name);
        }
        else
        {
            _unresolved.Add(name);
        }
    }

    private string ReadName(ref int i)
    {
        var start = i;
        var name = _tokens[i++].Text;
        while (i < _tokens.Count && !_tokens[i].SpaceBefore
            && (_tokens[i].Is("*") || (_tokens[i].Kind == KqlTokenKind.Identifier && _tokens[i - 1].Is("*")) || (_tokens[i].Kind == KqlTokenKind.Identifier && _tokens[start].Is("*") && i == start + 1)))
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

    private Operator Top
    {
        get => _frames[_frames.Count - 1];
        set => _frames[_frames.Count - 1] = value;
    }

    private KqlToken At(int i) => i < _tokens.Count ? _tokens[i] : new KqlToken(KqlTokenKind.Punctuation, string.Empty, -1, 0, true);
}
