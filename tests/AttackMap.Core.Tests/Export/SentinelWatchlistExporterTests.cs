using AttackMap.Export;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Export;

public sealed class SentinelWatchlistExporterTests
{
    [Fact]
    public void ToCsv_SmallRuleSet_ExactBytesWithRfc4180Quoting()
    {
        var rules = new[]
        {
            new MappingRule("audit.add-member-to-role", LogFamily.EntraAudit, new[] { "T1098.003" }, EvidenceKind.DirectDetection, "Adds a member to a role, \"privileged\"\nor not.")
            {
                Keys = new[] { "Add member to role", "add member to role", "Add eligible member to role" },
            },
            new MappingRule("signin.any", LogFamily.EntraSignIn, new[] { "T1078.004" }, EvidenceKind.NeedsReview, "Every sign-in.")
            {
                Tactics = new[] { "initial-access" },
            },
        };

        var csv = new SentinelWatchlistExporter().ToCsv(rules, CoverageTestCatalogs.Small());

        csv.Should().Be(
            "SearchKey,Family,Tables,Techniques,Tactics,Kind,RuleId,Rationale,Conditions,SearchKeyUpper\n"
            + ",EntraSignIn,SigninLogs; AADNonInteractiveUserSignInLogs; AADServicePrincipalSignInLogs; AADManagedIdentitySignInLogs,T1078.004,initial-access,NeedsReview,signin.any,Every sign-in.,,\n"
            + "Add eligible member to role,EntraAudit,AuditLogs,T1098.003,persistence; privilege-escalation,DirectDetection,audit.add-member-to-role,"
            + "\"Adds a member to a role, \"\"privileged\"\"\nor not.\",,ADD ELIGIBLE MEMBER TO ROLE\n"
            + "Add member to role,EntraAudit,AuditLogs,T1098.003,persistence; privilege-escalation,DirectDetection,audit.add-member-to-role,"
            + "\"Adds a member to a role, \"\"privileged\"\"\nor not.\",,ADD MEMBER TO ROLE\n");
    }

    [Fact]
    public void ToCsv_ReversedRuleOrder_SameBytes()
    {
        var rules = RulePack.BuiltIn.Rules;
        var exporter = new SentinelWatchlistExporter();

        exporter.ToCsv(rules.Reverse(), AttackMap.Attack.AttackCatalog.Default).Should().Be(exporter.ToCsv(rules, AttackMap.Attack.AttackCatalog.Default));
    }

    [Fact]
    public void ToCsv_BuiltInPack_OneRowPerDistinctRuleKey()
    {
        var rules = RulePack.BuiltIn.Rules;
        var expected = rules.Sum(r => Math.Max(1, r.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count()));

        var csv = new SentinelWatchlistExporter().ToCsv(rules, AttackMap.Attack.AttackCatalog.Default);

        var lines = csv.Split('\n');
        expected.Should().BeGreaterThan(rules.Count);
        csv.Should().StartWith("SearchKey,Family,Tables,Techniques,Tactics,Kind,RuleId,Rationale,Conditions,SearchKeyUpper\n");
        lines.Should().Contain(l => l.StartsWith("Add member to role,EntraAudit,AuditLogs,", StringComparison.Ordinal) && l.Contains("T1098.003"));
        CountRecords(csv).Should().Be(expected);
    }

    [Fact]
    public void ToCsv_BuiltInPack_ConditionalRulesCarryTheirConditions()
    {
        var rules = RulePack.BuiltIn.Rules;

        var rows = CsvText.Rows(new SentinelWatchlistExporter().ToCsv(rules, AttackMap.Attack.AttackCatalog.Default));

        var header = rows[0];
        string Get(string[] row, string column) => row[Array.IndexOf(header, column)];
        var highRisk = rows.Single(r => Get(r, "RuleId") == "signin.high-risk-success");
        Get(highRisk, "SearchKey").Should().Be("0");
        Get(highRisk, "Techniques").Should().Be("T1078.004");
        Get(highRisk, "Conditions").Should().Be("riskLevelDuringSignIn equals high");
        var storage = rows.Single(r => Get(r, "RuleId") == "activity.storage-container-public");
        Get(storage, "Conditions").Should().Be("requestBody.properties.publicAccess equals one of Blob, Container");
        rows.Skip(1).Where(r => Get(r, "Conditions").Length > 0).Select(r => Get(r, "RuleId")).Distinct()
            .Should().BeEquivalentTo(rules.Where(r => r.Conditions.Count > 0).Select(r => r.Id));
        rows.Skip(1).Where(r => Get(r, "RuleId") == "activity.role-assignment-write").Select(r => Get(r, "Conditions")).Should().NotBeEmpty().And.AllBe(string.Empty);
    }

    [Fact]
    public void ToCsv_BuiltInPack_SearchKeyUpperIsTheUpperCasedKeyAndSharedKeysFanOut()
    {
        var rows = CsvText.Rows(new SentinelWatchlistExporter().ToCsv(RulePack.BuiltIn.Rules, AttackMap.Attack.AttackCatalog.Default));

        var header = rows[0];
        string Get(string[] row, string column) => row[Array.IndexOf(header, column)];
        int key = Array.IndexOf(header, "SearchKey"), upper = Array.IndexOf(header, "SearchKeyUpper");
        rows.Skip(1).Should().OnlyContain(r => r[upper] == r[key].ToUpperInvariant());
        rows.Should().Contain(r => r[key] == "Microsoft.Insights/diagnosticSettings/delete" && r[upper] == "MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE");
        var docker = rows.Where(r => Get(r, "SearchKey") == "VM_ExposedDocker").ToList();
        docker.Select(r => Get(r, "RuleId")).Should().Equal("defender.exposed-docker", "defender.exposed-docker-probed");
        Get(docker[0], "Conditions").Should().Be("text contains none of brute force, brute-force, scanning, scanned, port scan");
        Get(docker[1], "Conditions").Should().Be("text contains one of brute force, brute-force, scanning, scanned, port scan");
    }

    private static int CountRecords(string csv)
    {
        // Count record-ending newlines outside quotes, minus the header.
        var count = 0;
        var quoted = false;
        foreach (var c in csv)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\n' && !quoted)
            {
                count++;
            }
        }

        return count - 1;
    }
}
