using System.Text.Json;
using AttackMap.Cli;

namespace AttackMap.Tests.Cli;

public sealed class RulesCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-rules-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Validate_BuiltInPack_IsCleanAndExitsZero()
    {
        var (code, stdout, _) = Run("rules", "validate", BuiltInPackPath());

        code.Should().Be(0);
        stdout.Should().MatchRegex(@"attackmap\.azure-builtin 1\.0\.0: \d+ rules checked against ATT&CK v19\.2: 0 errors, 0 warnings\.");
    }

    [Fact]
    public void Validate_PackWithEveryKindOfProblem_ReportsEachWithLocationAndExitsOne()
    {
        var path = Write("bad.json", """
            {
              "id": "test.bad", "version": "0.1.0", "attackVersion": "18.1",
              "rules": [
                { "id": "r.revoked", "family": "AzureActivity", "match": { "values": ["Microsoft.Insights/diagnosticSettings/delete"] },
                  "techniques": ["T1562.008"], "rationale": "Deleting a diagnostic setting stops log export." },
                { "id": "r.unknown", "family": "AzureActivity", "match": { "values": ["a/write"] }, "techniques": ["T9999"], "rationale": "Unknown id." },
                { "id": "r.no-why", "family": "AzureActivity", "match": { "values": ["b/write"] }, "techniques": ["T1098"], "rationale": " " },
                { "id": "r.tactic", "family": "AzureActivity", "match": { "values": ["c/write"] }, "techniques": ["T1110"], "tactics": ["persistence"], "rationale": "Wrong tactic." },
                { "id": "R.Revoked", "family": "AzureActivity", "match": { "values": ["d/write"] }, "techniques": ["T1098"], "rationale": "Duplicate id." },
                { "id": "r.field", "family": "EntraRiskDetection", "match": { "values": ["unfamiliarFeatures"] },
                  "conditions": [ { "field": "requestBody.properties.access", "operator": "equals", "values": ["Allow"] } ],
                  "techniques": ["T1078.004"], "rationale": "A condition on a field risk detections do not have." },
                { "id": "r.conflict-a", "family": "AzureActivity", "match": { "values": ["e/write"] }, "techniques": ["T1098"], "rationale": "One view." },
                { "id": "r.conflict-b", "family": "AzureActivity", "match": { "values": ["e/write"] }, "techniques": ["T1531"], "rationale": "Another view." }
              ]
            }
            """);

        var (code, stdout, _) = Run("rules", "validate", path);

        code.Should().Be(1);
        stdout.Should().MatchRegex(@"RevokedTechnique: rule 'r\.revoked' at [^\n]*bad\.json: rules\[0\]").And.Contain("use T1685.002 (Disable or Modify Cloud Log) instead");
        stdout.Should().MatchRegex(@"UnknownTechnique: rule 'r\.unknown' at [^\n]*bad\.json: rules\[1\]");
        stdout.Should().MatchRegex(@"MissingRationale: rule 'r\.no\-why' at [^\n]*bad\.json: rules\[2\]");
        stdout.Should().MatchRegex(@"TechniqueNotInTactic: rule 'r\.tactic' at [^\n]*bad\.json: rules\[3\]");
        stdout.Should().MatchRegex(@"DuplicateRuleId: rule 'R\.Revoked' at [^\n]*bad\.json: rules\[4\]");
        stdout.Should().MatchRegex(@"UnknownConditionField: rule 'r\.field' at [^\n]*bad\.json: rules\[5\]");
        stdout.Should().MatchRegex("warning ConflictingRules").And.Contain("r.conflict-a").And.Contain("r.conflict-b");
        stdout.Should().Contain("6 errors, 1 warnings.");
    }

    [Fact]
    public void Validate_DeprecatedTechnique_FailsWithTheReason()
    {
        var path = Write("deprecated.json", """
            { "id": "test.dep", "version": "0.1.0",
              "rules": [ { "id": "r.dep", "family": "AzureActivity", "match": { "values": ["a/write"] }, "techniques": ["T1108"], "rationale": "Redundant access." } ] }
            """);

        var (code, stdout, _) = Run("rules", "validate", path);

        code.Should().Be(1);
        stdout.Should().Contain("DeprecatedTechnique: rule 'r.dep'").And.Contain("no replacement");
    }

    [Fact]
    public void Validate_MalformedPack_ListsFormProblemsAndExitsOne()
    {
        var path = Write("form.json", """{ "id": "x", "version": "1", "rules": [ { "id": "r", "family": "Nope", "techniques": ["T1098"], "rationle": "typo" } ] }""");

        var (code, stdout, _) = Run("rules", "validate", path);

        code.Should().Be(1);
        stdout.Should().Contain("form.json: rules[0]").And.Contain("rationle");
    }

    [Fact]
    public void Migrate_WithoutPack_ListsChangedTechniquesKeepingOriginalIdAndVersion()
    {
        var (code, stdout, _) = Run("rules", "migrate", "--from", "18.1", "--to", "19.2");

        code.Should().Be(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("originalId\toriginalVersion\toutcome\tnewId\tnewVersion\tnewName\tcandidates\treview");
        lines.Should().Contain("T1562.008\t18.1\tRevoked\tT1685.002\t19.2\tDisable or Modify Cloud Log\t-\t-");
        lines.Should().Contain(l => l.StartsWith("T1562\t18.1\tSplit\tT1685\t19.2\t", StringComparison.Ordinal) && l.EndsWith("\tNeedsReview", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains("\tUnchanged\t", StringComparison.Ordinal));
        lines[^1].Should().MatchRegex(@"^\d+ techniques from v18\.1 to v19\.2: .*Revoked \d+, Split 1; 1 need review\.$");
    }

    [Fact]
    public void Migrate_WithPack_ReportsThePacksTechniques()
    {
        var pack = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mapping", "v18-ids-pack.json");

        var (code, stdout, _) = Run("rules", "migrate", "--from", "18.1", "--to", "19.2", pack);

        code.Should().Be(0);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).SkipLast(1).ToArray();
        rows.Should().Equal(
            "T1562.001\t18.1\tRevoked\tT1685\t19.2\tDisable or Modify Tools\t-\t-",
            "T1562.007\t18.1\tRevoked\tT1686.001\t19.2\tCloud Firewall\t-\t-",
            "T1562.008\t18.1\tRevoked\tT1685.002\t19.2\tDisable or Modify Cloud Log\t-\t-");
    }

    [Fact]
    public void Stale_WithoutAsOf_IsAUsageError()
    {
        var (code, _, stderr) = Run("rules", "stale", "--older-than", "180d");

        code.Should().Be(2);
        stderr.Should().Contain("--as-of");
    }

    [Fact]
    public void Stale_AsOfDate_ListsRulesReviewedBeforeTheCutoff()
    {
        var path = Write("stale.json", """
            { "id": "test.stale", "version": "0.1.0",
              "rules": [
                { "id": "r.old", "family": "AzureActivity", "match": { "values": ["a/write"] }, "techniques": ["T1098"], "rationale": "Old.", "lastReviewed": "2026-01-10" },
                { "id": "r.new", "family": "AzureActivity", "match": { "values": ["b/write"] }, "techniques": ["T1098"], "rationale": "New.", "lastReviewed": "2026-11-30" },
                { "id": "r.never", "family": "AzureActivity", "match": { "values": ["c/write"] }, "techniques": ["T1098"], "rationale": "Never." }
              ] }
            """);

        var (code, stdout, _) = Run("rules", "stale", "--older-than", "180d", "--as-of", "2026-12-03", path);

        code.Should().Be(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "id\tfamily\tlastReviewed\tage",
            "r.never\tAzureActivity\t-\tnever reviewed",
            "r.old\tAzureActivity\t2026-01-10\t327 days",
            "2 of 3 rules due for review at 2026-12-03: 1 last reviewed more than 180 days before, 1 never reviewed.");
    }

    [Fact]
    public void List_FamilyAsJsonLines_OneObjectPerRuleOfThatFamily()
    {
        var (code, stdout, _) = Run("rules", "list", "--family", "EntraAudit", "--format", "jsonl");

        code.Should().Be(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCountGreaterThan(40);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.GetProperty("family").GetString().Should().Be("EntraAudit");
            json.RootElement.GetProperty("rationale").GetString().Should().NotBeNullOrWhiteSpace();
        }

        lines.Should().Contain(l => l.Contains("\"id\":\"audit.group-created-role-assignable\"", StringComparison.Ordinal));
    }

    [Fact]
    public void List_PackRuleWithName_WritesTheNameInJsonLines()
    {
        var path = Write("named.json", """
            {
              "id": "test.named", "version": "0.1.0", "attackVersion": "19.2",
              "rules": [
                { "id": "r.named", "name": "Lab widget deleted", "family": "AzureActivity", "match": { "values": ["Contoso.Lab/widgets/delete"] },
                  "techniques": ["T1485"], "rationale": "Deleting widgets destroys data." },
                { "id": "r.plain", "family": "AzureActivity", "match": { "values": ["Contoso.Lab/widgets/write"] },
                  "techniques": ["T1485"], "rationale": "Writing widgets can destroy data." }
              ]
            }
            """);

        var (code, stdout, stderr) = Run("rules", "list", path, "--format", "jsonl");

        code.Should().Be(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        lines.Select(l => l.GetProperty("id").GetString()).Should().Equal("r.named", "r.plain");
        lines[0].GetProperty("name").GetString().Should().Be("Lab widget deleted");
        lines[1].TryGetProperty("name", out _).Should().BeFalse();
    }

    [Fact]
    public void List_Table_EndsWithTheCount()
    {
        var (code, stdout, _) = Run("rules", "list", "--family", "azureactivity");

        code.Should().Be(0);
        stdout.Should().StartWith("id\tfamily\tkeys\ttechniques\tkind\tlastReviewed");
        stdout.Should().Contain("activity.defender-plan-free\tAzureActivity\tMicrosoft.Security/pricings/write\tT1685\tDirectDetection\t2026-12-03");
        stdout.TrimEnd().Should().MatchRegex(@"\n\d+ rules$");
    }

    private static string BuiltInPackPath()
    {
        var root = Support.SharedData.RepositoryRoot() ?? throw new InvalidOperationException("repository root not found");
        return Path.Combine(root, "src", "AttackMap.Core", "Mapping", "BuiltIn", "azure-builtin.json");
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
