using System.Net;
using System.Text.Json;

namespace AttackMap.Ingestion;

/// <summary>Normalizations shared by the family parsers: IP addresses, ARM ids, string lists, key/value bags.</summary>
internal static class FieldNormalizer
{
    /// <summary>Returns the IP in canonical form, or null for placeholders, CIDRs and invalid quads.</summary>
    public static string? Ip(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text!.Trim();
        if (trimmed.IndexOf('/') >= 0 || trimmed.IndexOf('<') >= 0)
        {
            return null;
        }

        if (!IPAddress.TryParse(trimmed, out var address))
        {
            return null;
        }

        // IPAddress.TryParse accepts "1" or "1.2" as shorthand quads; require the four parts for IPv4.
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && CountDots(trimmed) != 3)
        {
            return null;
        }

        return address.ToString();
    }

    /// <summary>Returns an ARM-style resource id in lower case, or null when the text is not a path.</summary>
    public static string? ResourceId(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text!.Trim();
        return trimmed[0] == '/' ? trimmed.ToLowerInvariant() : null;
    }

    /// <summary>Returns the segment after <paramref name="marker"/> in an ARM path (for example the subscription id).</summary>
    public static string? PathSegment(string? path, string marker)
    {
        if (path is null)
        {
            return null;
        }

        var index = path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var start = index + marker.Length;
        var end = path.IndexOf('/', start);
        var segment = end < 0 ? path.Substring(start) : path.Substring(start, end - start);
        return segment.Length == 0 ? null : segment;
    }

    /// <summary>Reads a string list from a JSON array, JSON array text, or comma-separated text.</summary>
    public static void AddStrings(RecordView view, string name, List<string> into)
    {
        if (view.TryJson(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                AddDistinct(into, JsonRecordView.ToText(item));
            }

            return;
        }

        var text = view.Text(name);
        if (text is null)
        {
            return;
        }

        foreach (var part in text.Split(','))
        {
            AddDistinct(into, part);
        }
    }

    /// <summary>Reads a string-to-string bag from a JSON object or JSON object text; values that are not strings become raw JSON.</summary>
    public static IReadOnlyDictionary<string, string>? StringBag(RecordView view, string name)
    {
        if (!view.TryJson(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var bag = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var text = JsonRecordView.ToText(property.Value);
            if (text is not null)
            {
                bag[property.Name] = text;
            }
        }

        return bag;
    }

    /// <summary>Joins a JSON array text (<c>["Persistence"]</c>) into comma-separated text; other text is kept as published.</summary>
    public static string? ListText(RecordView view, string name)
    {
        if (view.TryJson(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            var parts = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                AddDistinct(parts, JsonRecordView.ToText(item));
            }

            return parts.Count == 0 ? null : string.Join(",", parts);
        }

        return view.Text(name);
    }

    /// <summary>Adds trimmed text unless it is blank or already present (case-insensitively).</summary>
    internal static void AddDistinct(List<string> into, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var trimmed = text!.Trim();
        foreach (var existing in into)
        {
            if (string.Equals(existing, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        into.Add(trimmed);
    }

    private static int CountDots(string text)
    {
        var dots = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                dots++;
            }
        }

        return dots;
    }
}
