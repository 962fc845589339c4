using System.Globalization;
using System.Text.Json;
using AttackMap.Internal;

namespace AttackMap.Signals;

/// <summary>Walks dotted paths (<c>Account.Host.HostName</c>, <c>FileHashes.0.Value</c>) through an entity tree, following references.</summary>
internal static class EntityPath
{
    private static readonly char[] Dot = { '.' };

    /// <summary>Returns the node at <paramref name="path"/> below <paramref name="start"/>, or null.</summary>
    public static EntityNode? Find(EntityNode start, string path) => Walk(start, path, out _);

    /// <summary>Returns the value at <paramref name="path"/> as text (objects and arrays as raw JSON), or null.</summary>
    public static string? Text(EntityNode start, string path)
    {
        var node = Walk(start, path, out var embedded);
        return node is null ? embedded : JsonFieldPath.ToText(node.Element);
    }

    /// <summary>Returns a direct member as trimmed, non-empty text (numbers as written), or null for objects, arrays and blanks.</summary>
    public static string? Scalar(EntityNode node, string name)
    {
        var member = node.Member(name);
        if (member is null)
        {
            return null;
        }

        var text = member.Element.ValueKind switch
        {
            JsonValueKind.String => member.Element.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => member.Element.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    private static EntityNode? Walk(EntityNode start, string path, out string? embedded)
    {
        embedded = null;
        var segments = path.Split(Dot, StringSplitOptions.RemoveEmptyEntries);
        var current = start.Dereferenced;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            EntityNode? next = null;
            if (current.Items is { } items)
            {
                if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < items.Length)
                {
                    next = items[index];
                }
            }
            else if (current.Properties is { } properties)
            {
                properties.TryGetValue(segment, out next);
            }
            else if (current.Element.ValueKind == JsonValueKind.String)
            {
                // A string that holds JSON text is entered as if it were the value it encodes (as JsonFieldPath does).
                embedded = JsonFieldPath.Resolve(current.Element.GetString(), string.Join(".", segments, i, segments.Length - i));
                return null;
            }

            if (next is null)
            {
                return null;
            }

            current = next.Dereferenced;
        }

        return current;
    }
}
