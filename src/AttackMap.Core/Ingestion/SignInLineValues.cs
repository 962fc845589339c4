using System.Text;
using System.Text.Json;

namespace AttackMap.Ingestion;

/// <summary>Reads values for <see cref="SignInLineParser"/> with the same text rules as <see cref="JsonRecordView"/>; false declines the fast path.</summary>
internal static class SignInLineValues
{
    /// <summary>Reads a scalar as <see cref="JsonRecordView.ToText"/> then <see cref="RecordView.Text(string)"/> would (empty becomes null); objects and arrays decline.</summary>
    public static bool TryText(ref Utf8JsonReader reader, out string? text, LastValueCache? cache = null)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (cache is not null && !reader.ValueIsEscaped && !reader.HasValueSequence)
                {
                    var raw = reader.ValueSpan;
                    if (!cache.TryGet(raw, out text))
                    {
                        text = raw.Length == 0 ? null : reader.GetString();
                        cache.Set(raw, text);
                    }

                    return true;
                }

                text = reader.ValueSpan.Length == 0 ? null : reader.GetString();
                if (text is { Length: 0 })
                {
                    text = null;
                }

                return true;
            case JsonTokenType.Null:
                text = null;
                return true;
            case JsonTokenType.Number:
                if (cache is null || reader.HasValueSequence)
                {
                    text = Utf8(reader.ValueSpan);
                }
                else if (!cache.TryGet(reader.ValueSpan, out text))
                {
                    text = Utf8(reader.ValueSpan);
                    cache.Set(reader.ValueSpan, text);
                }

                return true;
            case JsonTokenType.True:
                text = "true";
                return true;
            case JsonTokenType.False:
                text = "false";
                return true;
            default:
                text = null;
                return false;
        }
    }

    /// <summary>Reads a JSON array of scalars (or null) into <paramref name="into"/>; JSON text and comma lists decline.</summary>
    public static bool TryStrings(ref Utf8JsonReader reader, List<string?> into)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryText(ref reader, out var text))
            {
                return false;
            }

            into.Add(text);
        }

        return true;
    }

    /// <summary>Reads a small object (reader on its start) keeping the scalars of <paramref name="names"/> (one or two names).</summary>
    public static bool TryObject(ref Utf8JsonReader reader, byte[][] names, LastValueCache[] caches, out string? first, out string? second)
    {
        first = second = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = SignInLineNames.MatchPair(ref reader, names);
            if (index == SignInLineNames.Decline || !reader.Read())
            {
                return false;
            }

            if (index == SignInLineNames.Unknown)
            {
                reader.Skip();
                continue;
            }

            if ((seen & (1 << index)) != 0 || !TryText(ref reader, out var text, caches[index]))
            {
                return false;
            }

            seen |= 1 << index;
            if (index == 0)
            {
                first = text;
            }
            else
            {
                second = text;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>Returns whether text would be read as JSON text by <see cref="RecordView.TryParseJsonText"/> (starts with a bracket).</summary>
    public static bool LooksLikeJson(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '{' or '[';
            }
        }

        return false;
    }

#if NET8_0_OR_GREATER
    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
#else
    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes.ToArray());
#endif
}
