using System.Text.Json;
using AttackMap.Export;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Export;

public sealed class JsonCoverageReportExporterTests
{
    [Fact]
    public void ToJson_MixedReport_HasCamelCaseTotalsTacticsAndTechniques()
    {
        using var json = JsonDocument.Parse(new JsonCoverageReportExporter().ToJson(CoverageTestReports.Mixed()));

        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal(
            "attackVersion", "scope", "ruleCount", "logSources", "totals", "tactics", "techniques", "mappedOutOfScope", "unresolvedMappings");
        root.GetProperty("attackVersion").GetString().Should().Be("19.2");
        var totals = root.GetProperty("totals");
        totals.GetProperty("techniques").GetInt32().Should().Be(11);
        totals.GetProperty("direct").GetInt32().Should().Be(6);
        totals.GetProperty("correlationOnly").GetInt32().Should().Be(2);
        totals.GetProperty("needsLogging").GetInt32().Should().Be(1);
        root.GetProperty("tactics")[0].GetProperty("shortName").GetString().Should().Be("initial-access");
        var logSources = root.GetProperty("logSources");
        logSources[0].GetProperty("family").GetString().Should().Be("DefenderForCloud");
        logSources[0].GetProperty("enabled").GetBoolean().Should().BeFalse();
        logSources[1].GetProperty("missingTables")[0].GetString().Should().Be("AADNonInteractiveUserSignInLogs");
    }

    [Fact]
    public void ToJson_ParentTechnique_ListsTheRuleWithItsSubTechnique()
    {
        using var json = JsonDocument.Parse(new JsonCoverageReportExporter().ToJson(CoverageTestReports.Mixed()));

        var parent = json.RootElement.GetProperty("techniques").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "T1098");
        parent.GetProperty("status").GetString().Should().Be("Direct");
        parent.GetProperty("reason").GetString().Should().Be("Direct: 1 direct-detection rule over enabled sources (AuditLogs) via T1098.003");
        var rule = parent.GetProperty("rules").EnumerateArray().Single();
        rule.GetProperty("id").GetString().Should().Be("audit.add-member-to-role");
        rule.GetProperty("kind").GetString().Should().Be("DirectDetection");
        rule.GetProperty("family").GetString().Should().Be("EntraAudit");
        rule.GetProperty("viaSubTechnique").GetString().Should().Be("T1098.003");
        rule.GetProperty("sourceEnabled").GetBoolean().Should().BeTrue();
        parent.GetProperty("tactics").EnumerateArray().Select(t => t.GetProperty("shortName").GetString()).Should().Equal("persistence", "privilege-escalation");
        parent.TryGetProperty("observedEvidence", out _).Should().BeFalse("no evidence was given");
    }

    [Fact]
    public async Task WriteAsync_TwoRuns_AreByteIdentical()
    {
        var exporter = new JsonCoverageReportExporter();
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await exporter.WriteAsync(CoverageTestReports.Mixed(), first);
        exporter.Write(CoverageTestReports.Mixed(), second);

        first.ToArray().Should().Equal(second.ToArray());
    }
}
