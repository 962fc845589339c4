using System.Text.Json;
using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Export;

/// <summary>A rule's <see cref="MappingRule.DisplayName"/> beside its id in the Markdown, JSON and Navigator exports.</summary>
public sealed class RuleDisplayNameExportTests
{
    private static readonly CoverageReport Report = new CoverageCalculator().Calculate(
        CoverageTestCatalogs.Small(),
        new[]
        {
            new MappingRule("sentinel:lab-1", LogFamily.EntraAudit, new[] { "T1485" }, EvidenceKind.DirectDetection, "Lab rationale.") { DisplayName = "Lab mass | deletion" },
            CoverageTestCatalogs.Rule("audit.plain", LogFamily.EntraAudit, EvidenceKind.DirectDetection, "T1485"),
        },
        LogSourceInventory.AllEnabled);

    [Fact]
    public void Markdown_RuleWithName_ShowsItAfterTheIdAndEscapesPipes()
    {
        var markdown = new MarkdownCoverageReportExporter().ToMarkdown(Report);

        markdown.Should().Contain("| `audit.plain`, `sentinel:lab-1` (Lab mass \\| deletion) |");
    }

    [Fact]
    public void Markdown_NameWithLineBreakAndBackticks_StaysOnOneLineOutsideCode()
    {
        var rule = new MappingRule("sentinel:lab-2", LogFamily.EntraAudit, new[] { "T1485" }, EvidenceKind.NeedsReview, "Lab rationale.") { DisplayName = "Lab `odd`\nname" };
        var report = new CoverageCalculator().Calculate(CoverageTestCatalogs.Small(), new[] { rule }, LogSourceInventory.AllEnabled);

        var markdown = new MarkdownCoverageReportExporter().ToMarkdown(report);

        markdown.Should().Contain(": `sentinel:lab-2` (Lab 'odd' name)\n", "the Review list item stays one line");
    }

    [Fact]
    public void Layer_RuleOverAnOffSourceViaSubTechnique_SaysViaThenSourceNotEnabled()
    {
        var rule = new MappingRule("audit.sub", LogFamily.EntraAudit, new[] { "T1098.001" }, EvidenceKind.DirectDetection, "Lab rationale.");
        var report = new CoverageCalculator().Calculate(CoverageTestCatalogs.Small(), new[] { rule }, LogSourceInventory.FromTables(new[] { "SigninLogs" }));

        report.GetCoverage("T1098").Rules.Single().ToString().Should().Be("audit.sub (DirectDetection, EntraAudit, via T1098.001, source not enabled)");
    }

    [Fact]
    public void Json_RuleWithName_HasANameProperty_OthersNone()
    {
        using var json = JsonDocument.Parse(new JsonCoverageReportExporter().ToJson(Report));

        var rules = json.RootElement.GetProperty("techniques").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == "T1485").GetProperty("rules").EnumerateArray().ToArray();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal("audit.plain", "sentinel:lab-1");
        rules[0].TryGetProperty("name", out _).Should().BeFalse();
        rules[1].GetProperty("name").GetString().Should().Be("Lab mass | deletion");
        CoverageSnapshot.ReadJson(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(new JsonCoverageReportExporter().ToJson(Report)))).Techniques.Should().NotBeEmpty("the reader skips the new property");
    }

    [Fact]
    public void Layer_RuleMetadata_NamesTheRule()
    {
        using var layer = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(Report));

        var values = layer.RootElement.GetProperty("techniques").EnumerateArray()
            .Where(t => t.GetProperty("techniqueID").GetString() == "T1485")
            .SelectMany(t => t.GetProperty("metadata").EnumerateArray())
            .Where(m => m.GetProperty("name").GetString() == "rule")
            .Select(m => m.GetProperty("value").GetString())
            .Distinct()
            .ToArray();
        values.Should().Equal("audit.plain (DirectDetection, EntraAudit)", "sentinel:lab-1 - Lab mass | deletion (DirectDetection, EntraAudit)");
    }
}
