using System.Text.Json;

namespace AttackMap.Ingestion;

/// <summary>
/// A case-insensitive view of one record's fields, over a JSON object or a CSV row. Nested values may be real
/// JSON or JSON text; the accessors accept both.
/// </summary>
internal abstract class RecordView
{
    /// <summary>Gets the shape the record came in, which decides a few ambiguous fields.</summary>
    public RecordStyle Style { get; init; }

    /// <summary>Gets a field's value as text (null when missing, JSON null or empty).</summary>
    public abstract string? Text(string name);

    /// <summary>Gets a field as JSON (a real value, or JSON text parsed); false when missing or not JSON.</summary>
    public abstract bool TryJson(string name, out JsonElement value);

    /// <summary>Gets whether the record has the field at all (even empty).</summary>
    public abstract bool Has(string name);

    /// <summary>Gets the field names, for diagnostics.</summary>
    public abstract IEnumerable<string> Names { get; }

    /// <summary>Returns the first non-empty text among the named fields.</summary>
    public string? Text(string a, string b) => Text(a) ?? Text(b);

    /// <summary>Returns the first non-empty text among the named fields.</summary>
    public string? Text(string a, string b, string c) => Text(a) ?? Text(b) ?? Text(c);

    /// <summary>Gets a nested object as a view (from a JSON object or JSON text), or null.</summary>
    public RecordView? Object(string name) =>
        TryJson(name, out var value) && value.ValueKind == JsonValueKind.Object ? new JsonRecordView(value, Style) : null;

    /// <summary>Gets a nested array (from a JSON array or JSON text), or null.</summary>
    public JsonElement? Array(string name) =>
        TryJson(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : null;

    /// <summary>Gets a field that may be a localizable <c>{value, localizedValue}</c> object or plain text.</summary>
    public string? Localizable(string name)
    {
        if (TryJson(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            return new JsonRecordView(value, Style).Text("value");
        }

        return Text(name);
    }

    /// <summary>Gets a field as JSON text: objects/arrays as compact raw JSON, strings as published.</summary>
    public abstract string? JsonText(string name);

    /// <summary>Parses JSON text leniently into a detached element.</summary>
    public static bool TryParseJsonText(string? text, out JsonElement value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i == text.Length || (text[i] != '{' && text[i] != '['))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text, JsonRecordView.DocumentOptions);
            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
