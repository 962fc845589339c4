using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AttackMap.Attack;

namespace AttackMap.CatalogGenerator;

/// <summary>
/// Writes a catalog as compact, deterministic JSON: the provenance header on one line, one tactic per line in matrix
/// order, one technique per line ordered by id. The core library reads it back (internal CatalogJsonReader).
/// </summary>
public static class CatalogJsonWriter
{
    /// <summary>The format marker; must match the reader in AttackMap.Core.</summary>
    public const string Format = "attackmap-attack-catalog/1";

    /// <summary>The generator name recorded in every header.</summary>
    public const string GeneratorName = "AttackMap.CatalogGenerator";

    /// <summary>The notice file that sits beside the catalogs.</summary>
    public const string NoticeFile = "NOTICE-ATTACK.txt";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Writes <paramref name="catalog"/> with <paramref name="header"/>.</summary>
    /// <param name="header">The provenance header.</param>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The JSON text (LF line ends, final newline).</returns>
    public static string Write(CatalogHeader header, AttackCatalog catalog)
    {
        var text = new StringBuilder(256 * 1024);
        text.Append("{\n\"provenance\": ").Append(Line(w => WriteHeader(w, header))).Append(",\n\"tactics\": [\n");
        AppendLines(text, catalog.Tactics.Select(t => Line(w => WriteTactic(w, t))));
        text.Append("],\n\"techniques\": [\n");
        AppendLines(text, catalog.GetTechniques(includeRevokedAndDeprecated: true)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => Line(w => WriteTechnique(w, t))));
        text.Append("]\n}\n");
        return text.ToString();
    }

    private static void AppendLines(StringBuilder text, IEnumerable<string> lines)
    {
        var first = true;
        foreach (var line in lines)
        {
            if (!first)
            {
                text.Append(",\n");
            }

            text.Append(line);
            first = false;
        }

        text.Append('\n');
    }

    private static string Line(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteHeader(Utf8JsonWriter w, CatalogHeader header)
    {
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("domain", "enterprise-attack");
        w.WriteString("version", header.Version);
        w.WriteBoolean("derived", header.Derived);
        w.WriteString("generator", GeneratorName);
        WriteArray(w, "sources", header.Sources);
        w.WriteString("description", header.Description);
        w.WriteString("copyright", header.Copyright);
        w.WriteString("notice", NoticeFile + " (MITRE ATT&CK terms of use)");
        w.WriteEndObject();
    }

    private static void WriteTactic(Utf8JsonWriter w, Tactic tactic)
    {
        w.WriteStartObject();
        w.WriteString("id", tactic.Id);
        w.WriteString("shortName", tactic.ShortName);
        w.WriteString("name", tactic.Name);
        w.WriteEndObject();
    }

    private static void WriteTechnique(Utf8JsonWriter w, Technique t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("name", t.Name);
        WriteArray(w, "tactics", t.Tactics);
        WriteArray(w, "platforms", t.Platforms);
        if (t.IsRevoked)
        {
            w.WriteBoolean("revoked", true);
        }

        if (t.RevokedBy is not null)
        {
            w.WriteString("revokedBy", t.RevokedBy);
        }

        if (t.SplitInto.Count > 0)
        {
            WriteArray(w, "splitInto", t.SplitInto);
        }

        if (t.IsDeprecated)
        {
            w.WriteBoolean("deprecated", true);
        }

        if (t.StixId is not null)
        {
            w.WriteString("stixId", t.StixId);
        }

        if (t.Version is not null)
        {
            w.WriteString("version", t.Version);
        }

        if (t.Modified is { } modified)
        {
            w.WriteString("modified", modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        if (t.AzureLogSources.Count > 0)
        {
            WriteLogSources(w, t.AzureLogSources);
        }

        w.WriteEndObject();
    }

    /// <summary>Orders references the way AttackMap.Core does: analytic id, name (case-insensitive, then ordinal), channel, strategy, source technique.</summary>
    /// <param name="references">The references.</param>
    /// <returns>The references, distinct and ordered.</returns>
    public static IReadOnlyList<AttackLogSourceReference> Order(IEnumerable<AttackLogSourceReference> references) =>
        references.Distinct()
            .OrderBy(r => r.AnalyticId, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ThenBy(r => r.DetectionStrategyId, StringComparer.Ordinal)
            .ThenBy(r => r.SourceTechniqueId ?? string.Empty, StringComparer.Ordinal)
            .ToArray();

    private static void WriteLogSources(Utf8JsonWriter w, IEnumerable<AttackLogSourceReference> references)
    {
        w.WriteStartArray("logSources");
        foreach (var r in Order(references))
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            w.WriteString("channel", r.Channel);
            w.WriteString("analytic", r.AnalyticId);
            w.WriteString("strategy", r.DetectionStrategyId);
            w.WriteString("platform", r.Platform);
            w.WriteString("version", r.AttackVersion);
            if (r.SourceTechniqueId is not null)
            {
                w.WriteString("sourceTechnique", r.SourceTechniqueId);
            }

            if (r.AlsoListsNonAzureSources)
            {
                w.WriteBoolean("otherSources", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
