using System.Text.Json;
using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <content>Loading an inventory from JSON.</content>
public sealed partial class LogSourceInventory
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Loads an inventory from a JSON document such as <c>{ "enabled": ["SigninLogs", "AuditLogs"] }</c>
    /// or <c>{ "families": { "EntraSignIn": false } }</c>.
    /// </summary>
    /// <param name="json">The JSON stream (UTF-8).</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="FormatException">The document is not valid, or names an unknown table, family or property.</exception>
    /// <remarks>
    /// <c>enabled</c> lists exactly the enabled tables (absent: all tables); <c>disabled</c> then removes tables;
    /// <c>families</c> finally switches whole families on (<see langword="true"/>) or off (<see langword="false"/>).
    /// </remarks>
    public static LogSourceInventory Load(Stream json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return FromDocument(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The log source inventory is not valid JSON {Internal.JsonErrorText.Describe(ex)}", ex);
        }
    }

    /// <summary>Parses an inventory from a JSON string (see <see cref="Load(Stream)"/> for the format).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="FormatException">The document is not valid, or names an unknown table, family or property.</exception>
    public static LogSourceInventory Parse(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));
        return Load(stream);
    }

    private static LogSourceInventory FromDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The log source inventory must be a JSON object with 'enabled', 'disabled' or 'families'.");
        }

        var inventory = AllEnabled;
        if (root.TryGetProperty("enabled", out var enabled))
        {
            inventory = FromTables(ReadTables(enabled, "enabled"));
        }

        if (root.TryGetProperty("disabled", out var disabled))
        {
            inventory = inventory.WithoutTables(ReadTables(disabled, "disabled").ToArray());
        }

        if (root.TryGetProperty("families", out var families))
        {
            inventory = ApplyFamilies(inventory, families);
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("enabled" or "disabled" or "families"))
            {
                throw new FormatException($"Unknown property '{property.Name}' in the log source inventory; expected 'enabled', 'disabled' or 'families'.");
            }
        }

        return inventory;
    }

    private static List<string> ReadTables(JsonElement array, string property)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"'{property}' must be an array of table names.");
        }

        var tables = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (name is null || !LogSourceTables.TryGetTable(name, out _, out var canonical))
            {
                throw new FormatException(
                    $"'{property}' names '{item}', which is not a log table AttackMap reads. Known tables: {string.Join(", ", LogSourceTables.AllTables())}.");
            }

            tables.Add(canonical);
        }

        return tables;
    }

    private static LogSourceInventory ApplyFamilies(LogSourceInventory inventory, JsonElement families)
    {
        if (families.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("'families' must be an object such as { \"EntraSignIn\": false }.");
        }

        foreach (var property in families.EnumerateObject())
        {
            if (!TryParseFamily(property.Name, out var family))
            {
                throw new FormatException(
                    $"'families' names '{property.Name}', which is not a log family. Known families: {string.Join(", ", Families)}.");
            }

            inventory = property.Value.ValueKind switch
            {
                JsonValueKind.True => inventory.With(family),
                JsonValueKind.False => inventory.Without(family),
                _ => throw new FormatException($"'families.{property.Name}' must be true or false."),
            };
        }

        return inventory;
    }

    private static bool TryParseFamily(string name, out LogFamily family)
    {
        foreach (var candidate in Families)
        {
            if (string.Equals(candidate.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                family = candidate;
                return true;
            }
        }

        family = default;
        return false;
    }
}
