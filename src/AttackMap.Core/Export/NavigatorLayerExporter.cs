using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AttackMap.Coverage;

namespace AttackMap.Export;

/// <summary>
/// Writes a coverage report as an ATT&amp;CK Navigator layer (layer format 4.5, domain <c>enterprise-attack</c>):
/// one scored, coloured and commented entry per in-scope technique, and a legend per status.
/// </summary>
/// <remarks>
/// Scores: Direct 100, CorrelationOnly 60, NeedsReview 40, NeedsLogging 20, NeedsRule 0, and NeedsLogging with no rule
/// mapping the technique 0 in a darker red (it needs a log and then a rule: weaker than NeedsRule). An entry has no <c>tactic</c>
/// field (it annotates every tactic of the technique) unless the status differs between tactics; then the technique gets
/// one entry per tactic instead. Parents with mapped sub-techniques get <c>showSubtechniques</c>. Output is deterministic.
/// </remarks>
public sealed partial class NavigatorLayerExporter : ICoverageExporter
{
    private readonly NavigatorLayerOptions _options;

    /// <summary>Creates an exporter.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    public NavigatorLayerExporter(NavigatorLayerOptions? options = null)
    {
        _options = options ?? new NavigatorLayerOptions();
    }

    /// <inheritdoc />
    public string Format => "navigator-layer";

    /// <inheritdoc />
    public string FileExtension => ".json";

    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc />
    public void Write(CoverageReport report, Stream output)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        using var writer = new Utf8JsonWriter(output ?? throw new ArgumentNullException(nameof(output)), WriterOptions);
        WriteLayer(writer, report);
        writer.Flush();
    }

    /// <inheritdoc />
    public Task WriteAsync(CoverageReport report, Stream output, CancellationToken cancellationToken = default) =>
        ExportStreams.WriteBufferedAsync(buffer => Write(report, buffer), output, cancellationToken);

    /// <summary>Renders the layer as a JSON string.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The layer JSON.</returns>
    public string ToJson(CoverageReport report) => ExportStreams.ToText(buffer => Write(report, buffer));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void WriteLayer(Utf8JsonWriter writer, CoverageReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("name", _options.Name);
        writer.WriteStartObject("versions");
        writer.WriteString("attack", report.Catalog.MajorVersion);
        writer.WriteString("navigator", _options.NavigatorVersion);
        writer.WriteString("layer", "4.5");
        writer.WriteEndObject();
        writer.WriteString("domain", "enterprise-attack");
        writer.WriteString("description", _options.Description ?? Describe(report));
        writer.WriteStartObject("filters");
        WriteStrings(writer, "platforms", report.Platforms);
        writer.WriteEndObject();
        writer.WriteNumber("sorting", 3);
        writer.WriteStartObject("layout");
        writer.WriteString("layout", "side");
        writer.WriteBoolean("showID", true);
        writer.WriteBoolean("showName", true);
        writer.WriteEndObject();
        writer.WriteBoolean("hideDisabled", false);
        WriteTechniques(writer, report);
        WriteGradient(writer);
        WriteLegend(writer);
        WriteLayerMetadata(writer, report);
        writer.WriteEndObject();
    }

    private static string Describe(CoverageReport report) =>
        $"Coverage of ATT&CK v{report.AttackVersion} techniques on {string.Join(", ", report.Platforms)} by {Number(report.RuleCount)} rules "
        + $"over the enabled Azure log sources. Score: Direct 100, CorrelationOnly 60, NeedsReview 40, NeedsLogging 20, NeedsRule 0, "
        + $"NeedsLogging with no rule 0 (darker red: enable the log, then write a rule). {ExportText.Summary(report)}.";

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteGradient(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("gradient");
        WriteStrings(writer, "colors", new[] { CoverageStatus.NeedsRule, CoverageStatus.NeedsLogging, CoverageStatus.NeedsReview, CoverageStatus.CorrelationOnly, CoverageStatus.Direct }.Select(ExportText.Color));
        writer.WriteNumber("minValue", 0);
        writer.WriteNumber("maxValue", 100);
        writer.WriteEndObject();
    }

    private static void WriteLegend(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("legendItems");
        foreach (var status in CoverageReport.Statuses)
        {
            writer.WriteStartObject();
            writer.WriteString("label", $"{ExportText.Label(status)} ({Number(ExportText.Score(status))})");
            writer.WriteString("color", ExportText.Color(status));
            writer.WriteEndObject();
        }

        writer.WriteStartObject();
        writer.WriteString("label", $"{ExportText.UnmappedNeedsLoggingLabel} ({Number(ExportText.UnmappedNeedsLoggingScore)})");
        writer.WriteString("color", ExportText.UnmappedNeedsLoggingColor);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteLayerMetadata(Utf8JsonWriter writer, CoverageReport report)
    {
        writer.WriteStartArray("metadata");
        WriteMetadata(writer, "generator", "AttackMap.Core");
        WriteMetadata(writer, "ATT&CK version", report.AttackVersion);
        if (report.Catalog.Provenance.Length > 0)
        {
            WriteMetadata(writer, "ATT&CK data", report.Catalog.Provenance);
        }

        WriteMetadata(writer, "rules", Number(report.RuleCount));
        WriteMetadata(writer, "log tables enabled", report.Sources.EnabledTables.Count == 0 ? "none" : string.Join(", ", report.Sources.EnabledTables));
        var missing = report.SourceSummary.SelectMany(s => s.MissingTables).ToArray();
        WriteMetadata(writer, "log tables not enabled", missing.Length == 0 ? "none" : string.Join(", ", missing));
        foreach (var status in CoverageReport.Statuses)
        {
            WriteMetadata(writer, ExportText.Label(status), Number(report.GetCount(status)));
        }

        writer.WriteEndArray();
    }

    private static void WriteMetadata(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }
}
