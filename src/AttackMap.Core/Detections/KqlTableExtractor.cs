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
    private readonly HashSet<string> _parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _stringConstants = new(StringComparer.Ordinal);
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

    private Operator Top
    {
        get => _frames[_frames.Count - 1];
        set => _frames[_frames.Count - 1] = value;
    }

    private KqlToken At(int i) => i < _tokens.Count ? _tokens[i] : new KqlToken(KqlTokenKind.Punctuation, string.Empty, -1, 0, true);
}
