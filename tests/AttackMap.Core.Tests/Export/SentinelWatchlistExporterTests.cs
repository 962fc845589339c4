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
            "SearchKey,Family,Tables,Techniques,Tactics,Kind,RuleId,Rationale\n"
            + ",EntraSignIn,SigninLogs; AADNonInteractiveUserSignInLogs; AADServicePrincipalSignInLogs; AADManagedIdentitySignInLogs,T1078.004,initial-access,NeedsReview,signin.any,Every sign-in.\n"
            + "Add eligible member to role,EntraAudit,AuditLogs,T1098.003,persistence; privilege-escalation,DirectDetection,audit.add-member-to-role,"
            + "\"Adds a member to a role, \"\"privileged\"\"\nor not.\"\n"
            + "Add member to role,EntraAudit,AuditLogs,T1098.003,persistence; privilege-escalation,DirectDetection,audit.add-member-to-role,"
            + "\"Adds a member to a role, \"\"privileged\"\"\nor not.\"\n");
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
        csv.Should().StartWith("SearchKey,Family,Tables,Techniques,Tactics,Kind,RuleId,Rationale\n");
        lines.Should().Contain(l => l.StartsWith("Add member to role,EntraAudit,AuditLogs,", StringComparison.Ordinal) && l.Contains("T1098.003"));
        CountRecords(csv).Should().Be(expected);
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
