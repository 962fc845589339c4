using System.Globalization;
using AttackMap.Coverage;

namespace AttackMap.Export;

/// <summary>
/// Writes the coverage report as CSV (RFC 4180, UTF-8 without BOM, <c>\n</c> line ends), one row per in-scope technique:
/// <c>TechniqueId,Name,Status,Tactics,Reason,RuleIds,SourceTables,ObservedCount,AttackLogSources,EnabledRuleIds,EnabledSourceTables</c>.
/// </summary>
/// <remarks>
/// Lists inside a field are joined with <c>; </c>. <c>ObservedCount</c> is empty when no observed evidence was given.
/// <c>AttackLogSources</c> lists the log sources ATT&amp;CK's analytics name, as <c>azure:signinlogs (AN1277) -&gt; SigninLogs</c>
/// (<c>(not enabled)</c> after a disabled table; <c>a source AttackMap does not read</c> for VM guest or flow logs).
/// <c>RuleIds</c> and <c>SourceTables</c> list every rule and table behind the technique, whether or not its log source is enabled;
/// <c>EnabledRuleIds</c> and <c>EnabledSourceTables</c> (added last, so readers by position keep working) keep only those whose log
/// source is enabled in the report's inventory. Output is deterministic.
/// </remarks>
public sealed class CsvCoverageReportExporter : ICoverageExporter
{
    /// <summary>Gets the header row's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = Array.AsReadOnly(new[]
    {
        "TechniqueId", "Name", "Status", "Tactics", "Reason", "RuleIds", "SourceTables", "ObservedCount", "AttackLogSources", "EnabledRuleIds",
        "EnabledSourceTables",
    });

    /// <inheritdoc />
    public string Format => "csv";

    /// <inheritdoc />
    public string FileExtension => ".csv";

    /// <inheritdoc />
    public void Write(CoverageReport report, Stream output)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        var csv = new CsvWriter();
        csv.WriteRow(Columns.ToArray());
        foreach (var technique in report.Techniques)
        {
            csv.WriteRow(
                technique.Id,
                ExportText.Title(report.Catalog, technique.Technique),
                technique.Status.ToString(),
                string.Join("; ", technique.Tactics.Select(t => t.Tactic.ShortName)),
                technique.Reason,
                string.Join("; ", technique.RuleIds),
                string.Join("; ", technique.Sources.Select(s => s.DisplayTable)),
                technique.ObservedEvidenceCount?.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", technique.AttackLogSources.Select(s => s.ToString()).Distinct(StringComparer.Ordinal)),
                string.Join("; ", technique.Rules.Where(r => r.IsSourceEnabled).Select(r => r.RuleId)),
                string.Join("; ", technique.Sources.Where(s => s.IsEnabled).Select(s => s.DisplayTable)));
        }

        csv.WriteTo(output);
    }

    /// <inheritdoc />
    public Task WriteAsync(CoverageReport report, Stream output, CancellationToken cancellationToken = default) =>
        ExportStreams.WriteBufferedAsync(buffer => Write(report, buffer), output, cancellationToken);

    /// <summary>Renders the report as a CSV string.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV.</returns>
    public string ToCsv(CoverageReport report) => ExportStreams.ToText(buffer => Write(report, buffer));
}
