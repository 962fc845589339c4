namespace AttackMap.Detections;

/// <summary>Names and calls where a table may stand: resolution, wildcards, function calls and their arguments.</summary>
internal sealed partial class KqlTableExtractor
{
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
            if (At(i + 3).Is(")") && StringValue(argument) is { } value)
            {
                Resolve(value);
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
                if (j == start + 1 && StringValue(_tokens[start]) is { } value)
                {
                    _calls.Add((name, index, value));
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
            // let SigninLogs = SigninLogs | …: the right side still reads the table (a parameter never does).
            if (_known.Contains(name) && !_parameters.Contains(name))
            {
                _tables.Add(name);
            }
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

    /// <summary>The text of a string literal, or of a name bound to one (<c>let t = "AuditLogs";</c>).</summary>
    private string? StringValue(KqlToken token) =>
        token.Kind == KqlTokenKind.String ? token.Text
        : token.Kind == KqlTokenKind.Identifier && _stringConstants.TryGetValue(token.Text, out var value) ? value
        : null;
}
