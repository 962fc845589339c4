using System.Text.Json;

namespace AttackMap.Ingestion;

/// <summary>
/// The next-page link of one source (<c>@odata.nextLink</c> of a Graph page, <c>nextLink</c> of an ARM list), shared by
/// every record the source produced. The source fills it when it reads the link, which may be after the records.
/// </summary>
internal sealed class PageLink
{
    /// <summary>Gets the last non-null next link read from the source, as published.</summary>
    public string? NextLink { get; private set; }

    /// <summary>Gets a value indicating whether a property name names a next-page link.</summary>
    public static bool IsLinkKey(string key) =>
        key.Equals("@odata.nextLink", StringComparison.OrdinalIgnoreCase) || key.Equals("odata.nextLink", StringComparison.OrdinalIgnoreCase)
        || key.Equals("nextLink", StringComparison.OrdinalIgnoreCase);

    /// <summary>Keeps the link when the JSON value (its raw bytes) is a non-empty string; null and other values are not links.</summary>
    public void SetFromJson(byte[] buffer, int start, int length)
    {
        if (length < 3 || buffer[start] != (byte)'"')
        {
            return;
        }

        try
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, start, length));
            if (reader.Read() && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } link)
            {
                NextLink = link;
            }
        }
        catch (JsonException)
        {
            // Not a valid string: not a link.
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or escapes: not a link.
        }
    }

    /// <summary>Keeps the link when it is a non-empty string.</summary>
    public void Set(string? link)
    {
        if (!string.IsNullOrEmpty(link))
        {
            NextLink = link;
        }
    }
}
