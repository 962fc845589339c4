using System.Text.Json;

namespace AttackMap.Attack;

/// <summary>Small readers for STIX object fields.</summary>
internal static class StixJson
{
    public static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool GetBool(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>True for a revoked or deprecated object.</summary>
    public static bool IsWithdrawn(JsonElement obj) => GetBool(obj, "revoked") || GetBool(obj, "x_mitre_deprecated");

    /// <summary>The <c>external_id</c> of the <c>mitre-attack</c> external reference (T1098, DET0463, AN1277).</summary>
    public static string? GetAttackId(JsonElement obj)
    {
        if (!obj.TryGetProperty("external_references", out var refs) || refs.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var reference in refs.EnumerateArray())
        {
            if (reference.ValueKind == JsonValueKind.Object && GetString(reference, "source_name") == "mitre-attack")
            {
                return GetString(reference, "external_id");
            }
        }

        return null;
    }

    /// <summary>The non-empty strings of an array property; empty when absent.</summary>
    public static IReadOnlyList<string> GetStrings(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                list.Add(text);
            }
        }

        return list.ToArray();
    }
}
