using System.Text.Json;

namespace AttackMap.Ingestion;

/// <summary>A record view over a JSON object; duplicate keys resolve to the LAST occurrence, keys match case-insensitively.</summary>
internal sealed class JsonRecordView : RecordView
{
    internal static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128 };

    private readonly JsonElement _element;
    private JsonProperty[]? _properties;
    private string[]? _names;

    public JsonRecordView(JsonElement element, RecordStyle style = RecordStyle.Json)
    {
        _element = element;
        Style = style;
    }

    public JsonElement Element => _element;

    public override IEnumerable<string> Names
    {
        get
        {
            EnsureNames();
            return _names!;
        }
    }

    // Exact-case hits use JsonElement's own lookup (no allocation; it returns the last duplicate). Other spellings
    // fall back to a case-insensitive scan over the names (read once per object), where the last duplicate wins too.
    public bool TryGet(string name, out JsonElement value)
    {
        value = default;
        if (_element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (_element.TryGetProperty(name, out value))
        {
            return true;
        }

        EnsureNames();
        for (var i = _names!.Length - 1; i >= 0; i--)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                value = _properties![i].Value;
                return true;
            }
        }

        return false;
    }

    public override bool Has(string name) => TryGet(name, out _);

    public override string? Text(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        var text = ToText(value);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public override string? JsonText(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => NullIfEmpty(value.GetString()),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    public override bool TryJson(string name, out JsonElement value)
    {
        if (!TryGet(name, out value))
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return true;
        }

        return value.ValueKind == JsonValueKind.String && TryParseJsonText(value.GetString(), out value);
    }

    /// <summary>Turns a scalar into text; objects and arrays become raw JSON, null stays null.</summary>
    public static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private void EnsureNames()
    {
        if (_names is not null)
        {
            return;
        }

        var count = 0;
        foreach (var unused in _element.EnumerateObject())
        {
            count++;
        }

        var properties = new JsonProperty[count];
        var names = new string[count];
        var i = 0;
        foreach (var property in _element.EnumerateObject())
        {
            properties[i] = property;
            names[i++] = property.Name;
        }

        _properties = properties;
        _names = names;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
