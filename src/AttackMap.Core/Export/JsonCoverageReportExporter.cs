using System.Text.Json;
using AttackMap.Coverage;

namespace AttackMap.Export;

/// <summary>
/// Writes the full coverage report as JSON with stable camelCase property names: scope, log sources, totals,
/// per-tactic counts in matrix order, and every in-scope technique with its status, reason, rules, sources and tactics.
/// </summary>
/// <remarks>Statuses, kinds and families are written as their enum names (<c>Direct</c>, <c>DirectDetection</c>, <c>EntraSignIn</c>). Output is deterministic.</remarks>
public sealed partial class JsonCoverageReportExporter : ICoverageExporter
{
    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public string FileExtension => ".json";

    /// <inheritdoc />
    public void Write(CoverageReport report, Stream output)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        using var writer = new Utf8JsonWriter(output ?? throw new ArgumentNullException(nameof(output)), NavigatorLayerExporter.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("attackVersion", report.AttackVersion);
        writer.WriteStartObject("scope");
        WriteStrings(writer, "platforms", report.Platforms);
        writer.WriteBoolean("includeSubTechniques", report.IncludeSubTechniques);
        writer.WriteEndObject();
        writer.WriteNumber("ruleCount", report.RuleCount);
        WriteSources(writer, "logSources", report.SourceSummary);
        WriteTotals(writer, report);
        WriteTactics(writer, report);
        WriteTechniques(writer, "techniques", report, report.Techniques);
        WriteTechniques(writer, "mappedOutOfScope", report, report.MappedOutOfScope);
        WriteStrings(writer, "unresolvedMappings", report.UnresolvedMappings);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <inheritdoc />
    public Task WriteAsync(CoverageReport report, Stream output, CancellationToken cancellationToken = default) =>
        ExportStreams.WriteBufferedAsync(buffer => Write(report, buffer), output, cancellationToken);

    /// <summary>Renders the report as a JSON string.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON.</returns>
    public string ToJson(CoverageReport report) => ExportStreams.ToText(buffer => Write(report, buffer));

    private static string CamelCase(CoverageStatus status)
    {
        var name = status.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteSources(Utf8JsonWriter writer, string name, IEnumerable<CoverageSource> sources)
    {
        writer.WriteStartArray(name);
        foreach (var source in sources)
        {
            writer.WriteStartObject();
            writer.WriteString("family", source.Family.ToString());
            writer.WriteBoolean("enabled", source.IsEnabled);
            WriteStrings(writer, "enabledTables", source.EnabledTables);
            WriteStrings(writer, "missingTables", source.MissingTables);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTotals(Utf8JsonWriter writer, CoverageReport report)
    {
        writer.WriteStartObject("totals");
        writer.WriteNumber("techniques", report.Techniques.Count);
        foreach (var status in CoverageReport.Statuses)
        {
            writer.WriteNumber(CamelCase(status), report.GetCount(status));
        }

        writer.WriteEndObject();
    }

    private static void WriteTactics(Utf8JsonWriter writer, CoverageReport report)
    {
        writer.WriteStartArray("tactics");
        foreach (var tactic in report.Tactics)
        {
            writer.WriteStartObject();
            writer.WriteString("id", tactic.Tactic.Id);
            writer.WriteString("shortName", tactic.Tactic.ShortName);
            writer.WriteString("name", tactic.Tactic.Name);
            writer.WriteNumber("techniques", tactic.Total);
            foreach (var status in CoverageReport.Statuses)
            {
                writer.WriteNumber(CamelCase(status), tactic.GetCount(status));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
