using System.Text.Json;
using AttackMap.Coverage;

namespace AttackMap.Export;

/// <content>The technique objects of the JSON report.</content>
public sealed partial class JsonCoverageReportExporter
{
    private static void WriteTechniques(Utf8JsonWriter writer, string name, CoverageReport report, IEnumerable<TechniqueCoverage> techniques)
    {
        writer.WriteStartArray(name);
        foreach (var coverage in techniques)
        {
            writer.WriteStartObject();
            writer.WriteString("id", coverage.Id);
            writer.WriteString("name", coverage.Technique.Name);
            if (coverage.Technique.ParentId is { } parentId)
            {
                writer.WriteString("parentId", parentId);
            }

            writer.WriteString("status", coverage.Status.ToString());
            writer.WriteString("reason", coverage.Reason);
            if (report.HasObservedEvidence)
            {
                writer.WriteNumber("observedEvidence", coverage.ObservedEvidenceCount ?? 0);
            }

            WriteStrings(writer, "platforms", coverage.Technique.Platforms);
            WriteRules(writer, coverage.Rules);
            WriteSources(writer, "sources", coverage.Sources);
            WriteAttackLogSources(writer, coverage.AttackLogSources);
            WriteTacticAnnotations(writer, coverage.Tactics);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRules(Utf8JsonWriter writer, IEnumerable<CoverageRule> rules)
    {
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.RuleId);
            if (rule.DisplayName is not null)
            {
                writer.WriteString("name", rule.DisplayName);
            }

            writer.WriteString("family", rule.Family.ToString());
            writer.WriteString("kind", rule.Kind.ToString());
            writer.WriteString("techniqueId", rule.TechniqueId);
            if (rule.ViaSubTechnique is not null)
            {
                writer.WriteString("viaSubTechnique", rule.ViaSubTechnique);
            }

            writer.WriteBoolean("sourceEnabled", rule.IsSourceEnabled);
            WriteStrings(writer, "tactics", rule.ClaimedTactics);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The log sources ATT&amp;CK's analytics name, with the tables that show them (empty <c>tables</c>: AttackMap reads none).</summary>
    private static void WriteAttackLogSources(Utf8JsonWriter writer, IEnumerable<AttackLogSourceCoverage> sources)
    {
        writer.WriteStartArray("attackLogSources");
        foreach (var source in sources)
        {
            var reference = source.Reference;
            writer.WriteStartObject();
            writer.WriteString("name", reference.Name);
            writer.WriteString("channel", reference.Channel);
            writer.WriteString("analytic", reference.AnalyticId);
            writer.WriteString("detectionStrategy", reference.DetectionStrategyId);
            writer.WriteString("platform", reference.Platform);
            writer.WriteString("url", reference.Url);
            writer.WriteString("attackVersion", reference.AttackVersion);
            if (reference.SourceTechniqueId is not null)
            {
                writer.WriteString("sourceTechniqueId", reference.SourceTechniqueId);
            }

            if (source.ViaSubTechnique is not null)
            {
                writer.WriteString("viaSubTechnique", source.ViaSubTechnique);
            }

            if (source.Family is { } family)
            {
                writer.WriteString("family", family.ToString());
            }
            else
            {
                writer.WriteNull("family");
            }

            WriteStrings(writer, "tables", source.Tables);
            WriteStrings(writer, "enabledTables", source.EnabledTables);
            if (reference.AlsoListsNonAzureSources)
            {
                writer.WriteBoolean("otherSources", true);
            }

            if (source.Correction is not null)
            {
                writer.WriteString("correction", source.Correction);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTacticAnnotations(Utf8JsonWriter writer, IEnumerable<TechniqueTacticCoverage> tactics)
    {
        writer.WriteStartArray("tactics");
        foreach (var tactic in tactics)
        {
            writer.WriteStartObject();
            writer.WriteString("shortName", tactic.Tactic.ShortName);
            writer.WriteString("status", tactic.Status.ToString());
            writer.WriteString("reason", tactic.Reason);
            WriteStrings(writer, "rules", tactic.RuleIds);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
