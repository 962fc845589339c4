using System.Text;

namespace AttackMap.Detections;

/// <summary>
/// Splits a KQL query into tokens, dropping comments (<c>//</c> to the end of the line) and decoding string literals
/// (<c>"…"</c>, <c>'…'</c>, verbatim <c>@"…"</c>, obfuscated <c>h"…"</c>, multi-line <c>```…```</c>), so that text in
/// comments and strings can never be taken for a table name.
/// </summary>
internal static class KqlTokenizer
{
    private static readonly string[] TwoCharOperators = { "==", "=~", "!=", "!~", "<=", ">=", "=>", "..", "<>" };

    public static List<KqlToken> Tokenize(string query)
    {
        var tokens = new List<KqlToken>();
        var i = 0;
        var line = 1;
        var space = true;
        while (i < query.Length)
        {
            var c = query[i];
            if (c == '\n')
            {
                line++;
                i++;
                space = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
                space = true;
            }
            else if (c == '/' && At(query, i + 1) == '/')
            {
                while (i < query.Length && query[i] != '\n')
                {
                    i++;
                }

                space = true;
            }
            else
            {
                var start = i;
                var startLine = line;
                var token = Next(query, ref i, ref line);
                tokens.Add(new KqlToken(token.Kind, token.Text, start, startLine, space));
                space = false;
            }
        }

        return tokens;
    }

    private static (KqlTokenKind Kind, string Text) Next(string q, ref int i, ref int line)
    {
        var c = q[i];
        if (c == '`' && At(q, i + 1) == '`' && At(q, i + 2) == '`')
        {
            return (KqlTokenKind.String, MultiLine(q, ref i, ref line));
        }

        if ((c == 'h' || c == 'H') && IsQuote(At(q, i + 1)))
        {
            i++;
            return (KqlTokenKind.String, Quoted(q, ref i, ref line, verbatim: false));
        }

        if ((c == 'h' || c == 'H') && At(q, i + 1) == '@' && IsQuote(At(q, i + 2)))
        {
            i += 2;
            return (KqlTokenKind.String, Quoted(q, ref i, ref line, verbatim: true));
        }

        if (c == '@' && IsQuote(At(q, i + 1)))
        {
            i++;
            return (KqlTokenKind.String, Quoted(q, ref i, ref line, verbatim: true));
        }

        if (IsQuote(c))
        {
            return (KqlTokenKind.String, Quoted(q, ref i, ref line, verbatim: false));
        }

        if (char.IsLetter(c) || c == '_' || c == '$')
        {
            var start = i++;
            while (i < q.Length && (char.IsLetterOrDigit(q[i]) || q[i] == '_'))
            {
                i++;
            }

            return (KqlTokenKind.Identifier, q.Substring(start, i - start));
        }

        if (char.IsDigit(c))
        {
            var start = i++;
            while (i < q.Length && (char.IsLetterOrDigit(q[i]) || q[i] == '_' || (q[i] == '.' && char.IsDigit(At(q, i + 1)))))
            {
                i++;
            }

            return (KqlTokenKind.Number, q.Substring(start, i - start));
        }

        foreach (var op in TwoCharOperators)
        {
            if (c == op[0] && At(q, i + 1) == op[1])
            {
                i += 2;
                return (KqlTokenKind.Punctuation, op);
            }
        }

        i++;
        return (KqlTokenKind.Punctuation, c.ToString());
    }

    private static string Quoted(string q, ref int i, ref int line, bool verbatim)
    {
        var quote = q[i++];
        var value = new StringBuilder();
        while (i < q.Length)
        {
            var c = q[i++];
            if (c == '\n')
            {
                line++;
            }

            if (c == quote)
            {
                if (verbatim && At(q, i) == quote)
                {
                    value.Append(quote);
                    i++;
                    continue;
                }

                break;
            }

            if (c == '\\' && !verbatim && i < q.Length)
            {
                value.Append(q[i++]);
                continue;
            }

            value.Append(c);
        }

        return value.ToString();
    }

    private static string MultiLine(string q, ref int i, ref int line)
    {
        i += 3;
        var end = q.IndexOf("```", i, StringComparison.Ordinal);
        var stop = end < 0 ? q.Length : end;
        var value = q.Substring(i, stop - i);
        foreach (var c in value)
        {
            if (c == '\n')
            {
                line++;
            }
        }

        i = end < 0 ? q.Length : end + 3;
        return value;
    }

    private static bool IsQuote(char c) => c == '"' || c == '\'';

    private static char At(string q, int i) => i < q.Length ? q[i] : '\0';
}
