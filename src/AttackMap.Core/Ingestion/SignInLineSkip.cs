#if NET8_0_OR_GREATER
using System.Buffers;
#endif

namespace AttackMap.Ingestion;

/// <summary>
/// Finds the end of unused values in a sign-in line without tokenizing it, checking it against the strict
/// JSON grammar on the way (structure, commas and colons, string escapes and control characters, number and literal
/// spelling, nesting depth). It proves validity or gives up: anything it is not sure <see cref="System.Text.Json.Utf8JsonReader"/>
/// accepts (comments, trailing commas, surrogate escapes, deep nesting, a break at the end of the data) returns -1 and
/// the caller reads the value with the reader instead, so the decision is the reader's whenever this one hesitates.
/// Like the reader, it does not check UTF-8 inside strings.
/// </summary>
internal static class SignInLineSkip
{
#if NET8_0_OR_GREATER
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(StopBytes());
#endif

    /// <summary>
    /// Returns the index just past the JSON value starting at <paramref name="start"/> (leading white space allowed), or -1
    /// when it cannot be proven valid with at most <paramref name="maxNesting"/> levels of objects and arrays.
    /// </summary>
    public static int TryValue(ReadOnlySpan<byte> json, int start, int maxNesting)
    {
        var i = Space(json, start);
        maxNesting = Math.Min(maxNesting, 64);
        ulong objects = 0; // one bit per open container: 1 object, 0 array
        var depth = 0;
        while (true)
        {
            // A value starts at i.
            if ((uint)i >= (uint)json.Length)
            {
                return -1;
            }

            var c = json[i];
            if (c == (byte)'{' || c == (byte)'[')
            {
                if (depth == maxNesting)
                {
                    return -1;
                }

                depth++;
                var isObject = c == (byte)'{';
                objects = (objects << 1) | (isObject ? 1UL : 0UL);
                i = Space(json, i + 1);
                if (i >= json.Length)
                {
                    return -1;
                }

                if (json[i] == (isObject ? (byte)'}' : (byte)']'))
                {
                    i++;
                    depth--;
                    objects >>= 1;
                }
                else if (isObject)
                {
                    i = Key(json, i);
                    continue;
                }
                else
                {
                    continue;
                }
            }
            else
            {
                i = c switch
                {
                    (byte)'"' => String(json, i),
                    (byte)'t' => Literal(json, i, (byte)'t', (byte)'r', (byte)'u', (byte)'e', 0),
                    (byte)'f' => Literal(json, i, (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e'),
                    (byte)'n' => Literal(json, i, (byte)'n', (byte)'u', (byte)'l', (byte)'l', 0),
                    _ => Number(json, i),
                };
                if (i < 0)
                {
                    return -1;
                }
            }

            // After a value: close containers or move to the next item.
            while (true)
            {
                if (depth == 0)
                {
                    return i;
                }

                i = Space(json, i);
                if (i >= json.Length)
                {
                    return -1;
                }

                var isObject = (objects & 1) != 0;
                c = json[i];
                if (c == (byte)',')
                {
                    i = Space(json, i + 1);
                    if (isObject)
                    {
                        i = Key(json, i);
                    }

                    break;
                }

                if (c != (isObject ? (byte)'}' : (byte)']'))
                {
                    return -1;
                }

                i++;
                depth--;
                objects >>= 1;
            }

            if (i < 0)
            {
                return -1;
            }
        }
    }

    /// <summary>
    /// After a value that ends at <paramref name="end"/>, reads <c>, "name" :</c> when the name is plain printable ASCII
    /// without escapes; returns where the next value starts (and the name), or -1 for anything else (the end of the object included).
    /// </summary>
    public static int TryNextName(ReadOnlySpan<byte> json, int end, out ReadOnlySpan<byte> name)
    {
        name = default;
        var i = Space(json, end);
        if (i >= json.Length || json[i] != (byte)',')
        {
            return -1;
        }

        i = Space(json, i + 1);
        if (i >= json.Length || json[i] != (byte)'"')
        {
            return -1;
        }

        var first = i + 1;
        for (i = first; i < json.Length && json[i] != (byte)'"'; i++)
        {
            if (json[i] is < 0x20 or >= 0x80 or (byte)'\\')
            {
                return -1;
            }
        }

        if (i >= json.Length)
        {
            return -1;
        }

        name = json.Slice(first, i - first);
        i = Space(json, i + 1);
        return i < json.Length && json[i] == (byte)':' ? Space(json, i + 1) : -1;
    }

    // A property name, the colon and the white space before the value; returns where the value starts or -1.
    private static int Key(ReadOnlySpan<byte> json, int i)
    {
        if (i < 0 || i >= json.Length || json[i] != (byte)'"')
        {
            return -1;
        }

        i = String(json, i);
        if (i < 0)
        {
            return -1;
        }

        i = Space(json, i);
        return i < json.Length && json[i] == (byte)':' ? Space(json, i + 1) : -1;
    }

    /// <summary>Returns the index of the first byte at or after <paramref name="i"/> that is not JSON white space.</summary>
    public static int Space(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    // A string starting at its opening quote; returns the index past the closing quote or -1.
    private static int String(ReadOnlySpan<byte> json, int i)
    {
        i++;
        while (true)
        {
#if NET8_0_OR_GREATER
            var stop = json.Slice(i).IndexOfAny(StringStops);
            if (stop < 0)
            {
                return -1;
            }

            i += stop;
#else
            while (i < json.Length && json[i] >= 0x20 && json[i] != (byte)'"' && json[i] != (byte)'\\')
            {
                i++;
            }

            if (i >= json.Length)
            {
                return -1;
            }
#endif
            var c = json[i];
            if (c == (byte)'"')
            {
                return i + 1;
            }

            if (c != (byte)'\\' || i + 1 >= json.Length)
            {
                return -1; // a control character, or the data ends
            }

            switch (json[i + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    i += 2;
                    break;
                case (byte)'u' when i + 5 < json.Length && Hex(json[i + 2]) && Hex(json[i + 3]) && Hex(json[i + 4]) && Hex(json[i + 5])
                    && !(Lower(json[i + 2]) == (byte)'d' && json[i + 3] >= (byte)'8'): // surrogate escapes: let the reader decide
                    i += 6;
                    break;
                default:
                    return -1;
            }
        }
    }

    private static int Literal(ReadOnlySpan<byte> json, int i, byte a, byte b, byte c, byte d, byte e)
    {
        var length = e == 0 ? 4 : 5;
        if (i + length > json.Length || json[i] != a || json[i + 1] != b || json[i + 2] != c || json[i + 3] != d || (e != 0 && json[i + 4] != e))
        {
            return -1;
        }

        return i + length; // what follows is checked by the caller (a delimiter or -1)
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? ; what follows is checked by the caller.
    private static int Number(ReadOnlySpan<byte> json, int i)
    {
        if (i < json.Length && json[i] == (byte)'-')
        {
            i++;
        }

        if (i >= json.Length || !Digit(json[i]))
        {
            return -1;
        }

        if (json[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            i = Digits(json, i);
        }

        if (i < json.Length && json[i] == (byte)'.')
        {
            i++;
            if (i >= json.Length || !Digit(json[i]))
            {
                return -1;
            }

            i = Digits(json, i);
        }

        if (i < json.Length && (json[i] == (byte)'e' || json[i] == (byte)'E'))
        {
            i++;
            if (i < json.Length && (json[i] == (byte)'+' || json[i] == (byte)'-'))
            {
                i++;
            }

            if (i >= json.Length || !Digit(json[i]))
            {
                return -1;
            }

            i = Digits(json, i);
        }

        return i;
    }

    private static int Digits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && Digit(json[i]))
        {
            i++;
        }

        return i;
    }

    private static bool Digit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool Hex(byte b) => Digit(b) || Lower(b) is >= (byte)'a' and <= (byte)'f';

    private static byte Lower(byte b) => (byte)(b | 0x20);

#if NET8_0_OR_GREATER
    private static byte[] StopBytes()
    {
        var stops = new byte[34];
        for (var b = 0; b < 0x20; b++)
        {
            stops[b] = (byte)b;
        }

        stops[32] = (byte)'"';
        stops[33] = (byte)'\\';
        return stops;
    }
#endif
}
