using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Tests.Mapping;

public sealed class RulePackTests
{
    private const string TwoRules = """
        {
          "id": "test.pack",
          "version": "1.2.3",
          "attackVersion": "19.2",
          "description": "two rules",
          "rules": [
            {
              "id": "a.role-write",
              "name": "  Azure role granted ",
              "family": "AzureActivity",
              "match": { "values": ["Microsoft.Authorization/roleAssignments/write"] },
              "techniques": ["T1098.003"],
              "rationale": "Role grant.",
              "references": ["https://example.test/a"],
              "lastReviewed": "2026-11-30"
            },
            {
              "id": "b.legacy",
              "family": "EntraSignIn",
              "match": { "field": "clientAppUsed", "values": ["IMAP4", "POP3"] },
              "conditions": [ { "field": "resultType", "operator": "equals", "values": ["0"] } ],
              "techniques": ["T1110.003"],
              "kind": "Precondition",
              "kindReason": "posture only",
              "rationale": "Legacy protocol succeeded."
            }
          ]
        }
        """;

    [Fact]
    public void Parse_ValidPack_ReadsPackAndRuleFields()
    {
        var pack = RulePack.Parse(TwoRules, "two.json");

        pack.Id.Should().Be("test.pack");
        pack.Version.Should().Be("1.2.3");
        pack.AttackVersion.Should().Be("19.2");
        pack.SourceName.Should().Be("two.json");
        pack.Rules.Should().HaveCount(2);

        var first = pack.Rules[0];
        first.Id.Should().Be("a.role-write");
        first.Family.Should().Be(LogFamily.AzureActivity);
        first.MatchField.Should().BeNull();
        first.Keys.Should().Equal("Microsoft.Authorization/roleAssignments/write");
        first.Kind.Should().Be(EvidenceKind.CorrelationContext, "an Activity write defaults to correlation context");
        first.LastReviewed.Should().Be(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        first.AttackVersion.Should().Be("19.2");
        first.PackId.Should().Be("test.pack");
        first.References.Should().Equal("https://example.test/a");
        first.DisplayName.Should().Be("Azure role granted");

        var second = pack.Rules[1];
        second.MatchField.Should().Be("clientAppUsed");
        second.Kind.Should().Be(EvidenceKind.Precondition);
        second.KindReason.Should().Be("posture only");
        second.DisplayName.Should().BeNull();
        var condition = second.Conditions.Should().ContainSingle().Subject;
        condition.Field.Should().Be("resultType");
        condition.Operator.Should().Be(ConditionOperator.Equals);
        condition.Values.Should().Equal("0");
    }

    [Fact]
    public void Parse_ValidPack_RecordsJsonPathAndLineOfEachRule()
    {
        var pack = RulePack.Parse(TwoRules, "two.json");

        pack.Rules[0].Location.Should().Be("two.json: rules[0] (line 7)");
        pack.Rules[1].Location.Should().Be("two.json: rules[1] (line 17)");
    }

    [Fact]
    public void Parse_InvalidJson_ThrowsWithLine()
    {
        var act = () => RulePack.Parse("{\n  \"id\": \"x\",\n  \"rules\": [ { \"id\": } ]\n}", "broken.json");

        var ex = act.Should().Throw<RulePackFormatException>().Which;
        ex.SourceName.Should().Be("broken.json");
        ex.Problems.Should().ContainSingle().Which.Location.Should().StartWith("broken.json (line 3");
    }

    [Fact]
    public void Parse_BadValues_ReportsEveryProblemWithItsPath()
    {
        const string json = """
            {
              "id": "bad",
              "version": "1",
              "rules": [
                { "id": "r0", "family": "AzureActivity", "match": { "values": ["x"] }, "techniques": ["T1098"], "rationale": "ok" },
                {
                  "id": "r1",
                  "family": "AzureActivty",
                  "techniques": ["T1098"],
                  "rationale": "typo in family"
                },
                {
                  "id": "r2",
                  "family": "EntraAudit",
                  "conditions": [ { "field": "category", "operator": "matches", "values": ["x"] } ],
                  "techniques": "T1098",
                  "rationle": "typo",
                  "lastReviewed": "30/11/2026"
                }
              ]
            }
            """;

        var ex = FluentActions.Invoking(() => RulePack.Parse(json, "bad.json")).Should().Throw<RulePackFormatException>().Which;

        ex.Problems.Select(p => p.Location).Should().BeEquivalentTo(
            "bad.json: rules[1].family (line 6)",
            "bad.json: rules[2].conditions[0].operator (line 12)",
            "bad.json: rules[2].techniques (line 12)",
            "bad.json: rules[2].rationle (line 12)",
            "bad.json: rules[2].lastReviewed (line 12)");
        ex.Problems.Should().OnlyContain(p => p.Code == RuleProblemCode.Format);
        ex.Problems.Single(p => p.Location!.Contains("operator", StringComparison.Ordinal)).Message.Should().Contain("'matches'").And.Contain("startsWith");
        ex.Problems.Single(p => p.Location!.Contains("family", StringComparison.Ordinal)).RuleId.Should().Be("r1");
        ex.Message.Should().Contain("rules[2].lastReviewed");
    }

    [Fact]
    public void Parse_MissingIdVersionAndRules_ReportsEach()
    {
        var ex = FluentActions.Invoking(() => RulePack.Parse("{ }", "empty.json")).Should().Throw<RulePackFormatException>().Which;

        ex.Problems.Select(p => p.Location).Should().Equal("empty.json: id", "empty.json: version", "empty.json: rules");
    }

    [Fact]
    public void Load_FixtureFile_ReadsRulesWithFileLocation()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mapping", "v18-ids-pack.json");

        var pack = RulePack.Load(path);

        pack.Id.Should().Be("test.v18-ids");
        pack.Rules.Select(r => r.Id).Should().Equal("old.diagnostic-setting-delete", "old.nsg-rule-write", "old.defender-plan");
        pack.Rules[1].Location.Should().Be(path + ": rules[1] (line 15)");
    }

    [Fact]
    public void Load_Stream_UsesGivenSourceName()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TwoRules));

        var pack = RulePack.Load(stream, "stream-pack");

        pack.Rules[1].Location.Should().StartWith("stream-pack: rules[1]");
    }

    [Fact]
    public void BuiltIn_LoadsEmbeddedPackForV19()
    {
        var pack = RulePack.BuiltIn;

        pack.Id.Should().Be("attackmap.azure-builtin");
        pack.AttackVersion.Should().Be("19.2");
        pack.Rules.Count.Should().BeGreaterThan(100);
        pack.Rules.Select(r => r.Family).Distinct().Should().HaveCount(5);
        pack.Rules.Should().OnlyContain(r => r.Location!.StartsWith("azure-builtin.json: rules[", StringComparison.Ordinal));
        RulePack.BuiltIn.Should().BeSameAs(pack);
    }

    [Fact]
    public void Schema_EnumsMatchTheLoader()
    {
        var root = Support.SharedData.RepositoryRoot()!;
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "docs", "rule-pack.schema.json")));
        var defs = schema.RootElement.GetProperty("$defs");

        static string[] Enum(System.Text.Json.JsonElement e) => e.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();

        Enum(defs.GetProperty("rule").GetProperty("properties").GetProperty("family")).Should().Equal(System.Enum.GetNames<LogFamily>());
        Enum(defs.GetProperty("condition").GetProperty("properties").GetProperty("operator"))
            .Should().Equal(System.Enum.GetNames<ConditionOperator>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        Enum(defs.GetProperty("match").GetProperty("properties").GetProperty("field"))
            .Should().Equal("alertType", "resultType", "clientAppUsed", "riskEventType", "activityDisplayName", "operationName");
    }

    [Theory]
    [InlineData("DefenderForCloud", null, "VM_EICAR", EvidenceKind.DirectDetection)]
    [InlineData("EntraRiskDetection", null, "unfamiliarFeatures", EvidenceKind.DirectDetection)]
    [InlineData("EntraSignIn", "riskEventType", "unfamiliarFeatures", EvidenceKind.DirectDetection)]
    [InlineData("EntraSignIn", null, "50126", EvidenceKind.NeedsReview)]
    [InlineData("EntraSignIn", "clientAppUsed", "IMAP4", EvidenceKind.NeedsReview)]
    [InlineData("EntraAudit", null, "Add user", EvidenceKind.CorrelationContext)]
    [InlineData("AzureActivity", null, "Microsoft.Storage/storageAccounts/listKeys/action", EvidenceKind.CorrelationContext)]
    [InlineData("AzureActivity", null, "Microsoft.Storage/storageAccounts/read", EvidenceKind.NeedsReview)]
    public void Parse_RuleWithoutKind_GetsDefaultKindForItsSource(string family, string? field, string key, EvidenceKind expected)
    {
        var match = field is null ? $$"""{ "values": ["{{key}}"] }""" : $$"""{ "field": "{{field}}", "values": ["{{key}}"] }""";
        var json = $$"""{ "id": "p", "version": "1", "rules": [ { "id": "r", "family": "{{family}}", "match": {{match}}, "techniques": ["T1098"], "rationale": "why" } ] }""";

        RulePack.Parse(json, "p.json").Rules.Single().Kind.Should().Be(expected);
    }
}
