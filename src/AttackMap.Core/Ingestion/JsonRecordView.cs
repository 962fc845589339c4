using System.Text.Json;

namespace AttackMap.Ingestion;

/// <summary>A record view over a JSON object; duplicate keys resolve to the LAST occurrence, keys match case-insensitively.</summary>
internal sealed class JsonRecordView : RecordView
{
    internal static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128 };

    private readonly JsonElement _element;
    private Dictionary<string, JsonElement>? _index;

    public JsonRecordView(JsonElement element, RecordStyle style = RecordStyle.Json)
    {
        _element = element;
        Style = style;
    }

    public JsonElement Element => _element;

    public override IEnumerable<string> Names => Index.Keys;

    private Dictionary<string, JsonElement> Index
    {
        get
        {
            if (_index is null)
            {
                var index = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
                if (_element.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in _element.EnumerateObject())
                    {
                        index[property.Name] = property.Value;
                    }
                }

                _index = index;
            }

            return _index;
        }
    }

    public bool TryGet(string name, out JsonElement value) => Index.TryGetValue(name, out value);

    public override bool Has(string name) => Index.ContainsKey(name);

    public override string? Text(string name)
    {
        if (!Index.TryGetValue(name, out var value))
        {
            return null;
        }

        var text = ToText(value);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public override string? JsonText(string name)
    {
        if (!Index.TryGetValue(name, out var value))
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
        if (!Index.TryGetValue(name, out value))
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

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
