using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Export;

public sealed class NavigatorLayerExporterTests
{
    private static readonly Regex HexColor = new("^#[0-9a-f]{6}$", RegexOptions.CultureInvariant);

    [Fact]
    public void Write_MixedReport_IsAValidLayer45()
    {
        var catalog = CoverageTestCatalogs.Small();
        var report = CoverageTestReports.Mixed(catalog);

        using var layer = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(report));

        AssertValidLayer(layer.RootElement, catalog);
        var root = layer.RootElement;
        root.GetProperty("name").GetString().Should().Be("AttackMap coverage");
        root.GetProperty("versions").GetProperty("attack").GetString().Should().Be("19");
        root.GetProperty("filters").GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).Should().Equal("IaaS", "Identity Provider", "SaaS", "Office Suite");
        root.GetProperty("layout").GetProperty("layout").GetString().Should().Be("side");
        root.GetProperty("layout").GetProperty("showID").GetBoolean().Should().BeTrue();
        root.GetProperty("hideDisabled").GetBoolean().Should().BeFalse();
        root.GetProperty("legendItems").EnumerateArray().Select(l => l.GetProperty("label").GetString())
            .Should().Equal("Direct (100)", "Correlation only (60)", "Needs review (40)", "Needs logging (20)", "Needs rule (0)", "Needs logging, no rule (0)");
    }

    [Fact]
    public void Write_MixedReport_ScoresColoursAndCommentsFollowTheStatus()
    {
        var report = CoverageTestReports.Mixed();

        using var layer = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(report));

        var entries = layer.RootElement.GetProperty("techniques").EnumerateArray().ToArray();
        var spray = entries.Single(e => e.GetProperty("techniqueID").GetString() == "T1110.003");
        spray.TryGetProperty("tactic", out _).Should().BeFalse("a uniform status annotates every tactic");
        spray.GetProperty("score").GetInt32().Should().Be(100);
        spray.GetProperty("color").GetString().Should().Be("#1a9850");
        spray.GetProperty("comment").GetString().Should().Be("Direct: 1 direct-detection rule over enabled sources (SigninLogs); not enabled: AADNonInteractiveUserSignInLogs");
        spray.GetProperty("metadata").EnumerateArray().Select(m => m.GetProperty("name").GetString() + "=" + m.GetProperty("value").GetString())
            .Should().Equal("status=Direct", "rule=signin.password-spray (DirectDetection, EntraSignIn)", "source=SigninLogs, AADServicePrincipalSignInLogs, AADManagedIdentitySignInLogs");
        Score(entries, "T1685.002").Should().Be(60);
        Score(entries, "T1621").Should().Be(40);
        Score(entries, "T1485").Should().Be(20);
        Score(entries, "T1098.001").Should().Be(0);
        entries.Single(e => e.GetProperty("techniqueID").GetString() == "T1485").GetProperty("comment").GetString()
            .Should().Be("NeedsLogging: mapped by 1 rule but its log source is not enabled: enable SecurityAlert");
    }

    [Fact]
    public void Write_StatusVariesByTactic_WritesOneEntryPerTacticAndNoTacticLessEntry()
    {
        var report = CoverageTestReports.Mixed();

        using var layer = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(report));

        var cloudAccounts = layer.RootElement.GetProperty("techniques").EnumerateArray()
            .Where(e => e.GetProperty("techniqueID").GetString() == "T1078.004").ToArray();
        cloudAccounts.Select(e => e.GetProperty("tactic").GetString()).Should().Equal("initial-access", "persistence", "privilege-escalation", "stealth");
        cloudAccounts.Select(e => e.GetProperty("score").GetInt32()).Should().Equal(100, 0, 0, 0);
        cloudAccounts[1].GetProperty("metadata").EnumerateArray().Select(m => m.GetProperty("name").GetString())
            .Should().Equal(new[] { "status" }, "no rule and so no source supports Persistence");
    }

    [Fact]
    public void Write_SameStatusButRulesDifferByTactic_WritesOneEntryPerTacticWithItsOwnRules()
    {
        var rules = new[]
        {
            new AttackMap.Mapping.MappingRule("signin.everywhere", AttackMap.Signals.LogFamily.EntraSignIn, new[] { "T1078.004" }, AttackMap.Mapping.EvidenceKind.DirectDetection, "Every tactic."),
            new AttackMap.Mapping.MappingRule("audit.entry-only", AttackMap.Signals.LogFamily.EntraAudit, new[] { "T1078.004" }, AttackMap.Mapping.EvidenceKind.DirectDetection, "Initial access only.")
            {
                Tactics = new[] { "initial-access" },
            },
        };
        var report = new CoverageCalculator().Calculate(CoverageTestCatalogs.Small(), rules, LogSourceInventory.AllEnabled);
        report.GetCoverage("T1078.004").VariesByTactic.Should().BeFalse("the status is Direct under every tactic");

        using var layer = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(report));

        var entries = layer.RootElement.GetProperty("techniques").EnumerateArray()
            .Where(e => e.GetProperty("techniqueID").GetString() == "T1078.004").ToArray();
        entries.Select(e => e.GetProperty("tactic").GetString()).Should().Equal("initial-access", "persistence", "privilege-escalation", "stealth");
        string[] RulesOf(JsonElement entry) => entry.GetProperty("metadata").EnumerateArray()
            .Where(m => m.GetProperty("name").GetString() == "rule").Select(m => m.GetProperty("value").GetString()!.Split(' ')[0]).ToArray();
        RulesOf(entries[0]).Should().Equal("audit.entry-only", "signin.everywhere");
        RulesOf(entries[1]).Should().Equal("signin.everywhere");
        AssertValidLayer(layer.RootElement, report.Catalog);
    }

    [Fact]
    public void Write_ParentWithMappedSubTechnique_ShowsSubtechniques()
    {
        var report = CoverageTestReports.Mixed();

        using var layer = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(report));

        var entries = layer.RootElement.GetProperty("techniques").EnumerateArray().ToArray();
        bool Shows(string id) => entries.Where(e => e.GetProperty("techniqueID").GetString() == id)
            .All(e => e.TryGetProperty("showSubtechniques", out var v) && v.GetBoolean());
        Shows("T1098").Should().BeTrue();
        Shows("T1110").Should().BeTrue();
        Shows("T1078").Should().BeTrue();
        Shows("T1685").Should().BeTrue();
        entries.Single(e => e.GetProperty("techniqueID").GetString() == "T1485").TryGetProperty("showSubtechniques", out _).Should().BeFalse();
    }

    [Fact]
    public void Write_SameReportTwice_IsByteIdentical()
    {
        var exporter = new NavigatorLayerExporter();
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        exporter.Write(CoverageTestReports.Mixed(), first);
        exporter.Write(CoverageTestReports.Mixed(), second);

        first.ToArray().Should().Equal(second.ToArray());
        Encoding.UTF8.GetString(first.ToArray()).Should().Contain("\"domain\": \"enterprise-attack\"").And.NotContain("\\u0026");
    }

    [Fact]
    public async Task WriteAsync_SameBytesAsWrite()
    {
        var exporter = new NavigatorLayerExporter(new NavigatorLayerOptions { Name = "Contoso lab", Description = "test" });
        var report = CoverageTestReports.Mixed();
        using var sync = new MemoryStream();
        using var async = new MemoryStream();

        exporter.Write(report, sync);
        await exporter.WriteAsync(report, async);

        async.ToArray().Should().Equal(sync.ToArray());
        using var layer = JsonDocument.Parse(async.ToArray());
        layer.RootElement.GetProperty("name").GetString().Should().Be("Contoso lab");
        layer.RootElement.GetProperty("description").GetString().Should().Be("test");
    }

    [Fact]
    public void Write_WithoutStatusColors_LeavesColourToTheGradient()
    {
        var json = new NavigatorLayerExporter(new NavigatorLayerOptions { UseStatusColors = false }).ToJson(CoverageTestReports.Mixed());

        using var layer = JsonDocument.Parse(json);
        layer.RootElement.GetProperty("techniques").EnumerateArray().Where(e => e.TryGetProperty("color", out _)).Should().BeEmpty();
        layer.RootElement.GetProperty("gradient").GetProperty("colors").GetArrayLength().Should().Be(5);
    }

    [SharedDataFact]
    public void Write_DerivedV19Catalog_IsAValidLayer()
    {
        var catalog = CoverageTestCatalogs.FromSharedTsv();

        using var layer = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(CoverageTestReports.Mixed(catalog)));

        AssertValidLayer(layer.RootElement, catalog);
        layer.RootElement.GetProperty("techniques").EnumerateArray().Select(e => e.GetProperty("techniqueID").GetString())
            .Should().Contain("T1078.004").And.NotContain("T1003");
    }

    /// <summary>Checks what layer format 4.5 requires and what the Navigator silently drops when wrong.</summary>
    internal static void AssertValidLayer(JsonElement root, AttackCatalog catalog)
    {
        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.GetProperty("name").GetString().Should().NotBeNullOrWhiteSpace();
        root.GetProperty("domain").GetString().Should().Be("enterprise-attack");
        var versions = root.GetProperty("versions");
        versions.GetProperty("layer").GetString().Should().Be("4.5");
        versions.GetProperty("navigator").GetString().Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        versions.GetProperty("attack").ValueKind.Should().Be(JsonValueKind.String);
        var gradient = root.GetProperty("gradient");
        gradient.GetProperty("colors").EnumerateArray().Should().OnlyContain(c => HexColor.IsMatch(c.GetString()!));
        gradient.GetProperty("maxValue").GetDouble().Should().BeGreaterThan(gradient.GetProperty("minValue").GetDouble());
        root.GetProperty("legendItems").EnumerateArray().Should().OnlyContain(l => l.GetProperty("label").GetString()!.Length > 0 && HexColor.IsMatch(l.GetProperty("color").GetString()!));
        var seen = new HashSet<(string, string?)>();
        foreach (var entry in root.GetProperty("techniques").EnumerateArray())
        {
            var id = entry.GetProperty("techniqueID").GetString()!;
            catalog.TryGetTechnique(id, out var technique).Should().BeTrue($"{id} must exist");
            technique!.IsCurrent.Should().BeTrue($"{id} must be current");
            string? tactic = null;
            if (entry.TryGetProperty("tactic", out var tacticElement))
            {
                tactic = tacticElement.GetString();
                catalog.TryGetTactic(tactic!, out var known).Should().BeTrue();
                known!.ShortName.Should().Be(tactic, "the Navigator wants shortnames");
                technique.Tactics.Should().Contain(tactic!);
            }

            seen.Add((id, tactic)).Should().BeTrue($"{id}/{tactic} must be annotated once");
            entry.GetProperty("score").ValueKind.Should().Be(JsonValueKind.Number);
            if (entry.TryGetProperty("color", out var color))
            {
                HexColor.IsMatch(color.GetString()!).Should().BeTrue();
            }

            entry.GetProperty("metadata").EnumerateArray().Should().OnlyContain(m =>
                m.GetProperty("name").ValueKind == JsonValueKind.String && m.GetProperty("value").ValueKind == JsonValueKind.String);
            if (entry.TryGetProperty("links", out var links))
            {
                links.GetArrayLength().Should().BeGreaterThan(0, "an empty links array is left out");
                links.EnumerateArray().Should().OnlyContain(l =>
                    l.GetProperty("label").GetString()!.Length > 0
                    && (l.GetProperty("url").GetString()!.StartsWith("https://", StringComparison.Ordinal) || l.GetProperty("url").GetString()!.StartsWith("http://", StringComparison.Ordinal)),
                    "Navigator 4.5 links need a label and a URL with its protocol");
            }
        }

        var ids = seen.Select(s => s.Item1).ToHashSet();
        seen.Where(s => s.Item2 is not null && seen.Contains((s.Item1, null))).Should().BeEmpty("never both a tactic-less and a per-tactic entry");
        ids.Should().NotBeEmpty();
    }

    private static int Score(JsonElement[] entries, string id) =>
        entries.Single(e => e.GetProperty("techniqueID").GetString() == id).GetProperty("score").GetInt32();
}
