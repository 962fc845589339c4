using System.Text.Json;

namespace AttackMap.Mapping;

/// <summary>Finds the line each element of a pack's top-level <c>rules</c> array starts on.</summary>
internal sealed class JsonRuleLocator
{
    private readonly List<int> _newlines = new();
    private readonly List<long> _ruleOffsets = new();

    public JsonRuleLocator(ReadOnlyMemory<byte> utf8)
    {
        var span = utf8.Span;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                _newlines.Add(i);
            }
        }

        try
        {
            FindRules(span);
        }
        catch (JsonException)
        {
            // Invalid JSON is reported by the document parser with its own position.
        }
    }

    /// <summary>Gets the 1-based line rule <paramref name="index"/> starts on, or null when unknown.</summary>
    public long? GetRuleLine(int index) =>
        index >= 0 && index < _ruleOffsets.Count ? GetLine(_ruleOffsets[index]) : null;

    private long GetLine(long offset)
    {
        // Number of newlines strictly before the offset, plus one.
        int low = 0, high = _newlines.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_newlines[mid] < offset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low + 1;
    }

    private void FindRules(ReadOnlySpan<byte> span)
    {
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var inRules = false;
        var expectArray = false;
        while (reader.Read())
        {
            if (expectArray)
            {
                expectArray = false;
                inRules = reader.TokenType == JsonTokenType.StartArray;
                continue;
            }

            if (!inRules)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                    && string.Equals(reader.GetString(), "rules", StringComparison.OrdinalIgnoreCase))
                {
                    expectArray = true;
                }

                continue;
            }

            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndArray)
            {
                inRules = false;
            }
            else if (reader.CurrentDepth == 2 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.Comment))
            {
                _ruleOffsets.Add(reader.TokenStartIndex);
            }
        }
    }
}
