using System.Text.Json;

namespace AttackMap.Internal;

/// <summary>
/// Resolves dotted paths (<c>properties.securityRules.0.access</c>) inside JSON text, case-insensitively.
/// Used by rule conditions on nested fields such as Activity request bodies.
/// </summary>
internal static class JsonFieldPath
{
    /// <summary>Returns the value at <paramref name="path"/> in <paramref name="json"/>, or null.</summary>
    public static string? Resolve(string? json, string path)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        var trimmed = json!.TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return path.Length == 0 ? json : null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Resolve(document.RootElement, path);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Returns the value at <paramref name="path"/> below <paramref name="element"/>, or null.</summary>
    public static string? Resolve(JsonElement element, string path)
    {
        var current = element;
        foreach (var segment in path.Split(new[] { '.' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryStep(current, segment, out current))
            {
                return null;
            }
        }

        return ToText(current);
    }

    /// <summary>Turns a JSON value into text: strings unquoted, null as null, anything else as raw JSON.</summary>
    public static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static bool TryStep(JsonElement current, string segment, out JsonElement next)
    {
        // A string that holds JSON text is entered as if it were the object it encodes.
        if (current.ValueKind == JsonValueKind.String)
        {
            var text = current.GetString()?.TrimStart();
            if (string.IsNullOrEmpty(text) || (text![0] != '{' && text[0] != '['))
            {
                next = default;
                return false;
            }

            try
            {
                using var inner = JsonDocument.Parse(text);
                if (TryStep(inner.RootElement, segment, out var found))
                {
                    next = found.Clone();
                    return true;
                }
            }
            catch (JsonException)
            {
            }

            next = default;
            return false;
        }

        if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            if (index >= 0 && index < current.GetArrayLength())
            {
                next = current[index];
                return true;
            }

            next = default;
            return false;
        }

        if (current.ValueKind == JsonValueKind.Object)
        {
            // Last duplicate wins, matching the readers' rule for duplicate keys.
            var found = false;
            next = default;
            foreach (var property in current.EnumerateObject())
            {
                if (string.Equals(property.Name, segment, StringComparison.OrdinalIgnoreCase))
                {
                    next = property.Value;
                    found = true;
                }
            }

            return found;
        }

        next = default;
        return false;
    }
}
