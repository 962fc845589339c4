using System.Text.Json.Nodes;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Mapping;

/// <summary>
/// Every key of every built-in rule without conditions, written into a record of a real export shape (a bundled
/// sample record used as the template), read back by the log reader and classified: the rule must fire.
/// Rules with conditions have hand-written real-record tests beside the pack behaviour tests.
/// </summary>
public sealed class BuiltInPackRealShapeTests
{
    private static readonly AttackMapEngine Engine = new();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Engine.Rules.Rules.Where(r => r.Conditions.Count == 0 && r.Keys.Count > 0))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void BuiltInRule_EveryKeyInARealShapeRecord_IsMappedByTheRule(string ruleId)
    {
        Engine.Rules.TryGetRule(ruleId, out var rule).Should().BeTrue();
        foreach (var key in rule!.Keys)
        {
            var json = RealShapeRecord(rule, key);

            var record = Engine.ClassifyJson(json, $"{ruleId}.jsonl").Should().ContainSingle().Subject;

            record.Signal.Should().NotBeNull($"the {rule.Family} record for key '{key}' must be read: {record.Record}");
            record.Signal!.Family.Should().Be(rule.Family);
            record.Evidence.Select(e => e.Rule.Id).Should().Contain(ruleId, $"key '{key}' in {json}");
        }
    }

    [Theory]
    [InlineData("azure-activity/diagnostic-activity.jsonl", 8, "activity.nsg-rule-open-management-port")]
    [InlineData("azure-activity/diagnostic-activity.jsonl", 11, "activity.defender-plan-free")]
    [InlineData("entra-audit/diagnostic-auditlogs-records.json", 7, "audit.conditional-access-policy-disabled")]
    [InlineData("entra-audit/diagnostic-auditlogs-records.json", 6, "audit.user-update-mfa-methods")]
    [InlineData("entra-risk/diagnostic-userriskevents.jsonl", 2, "risk.leaked-credentials-user")]
    [InlineData("entra-signins/diagnostic-signinlogs.jsonl", 9, "signin.high-risk-success")]
    [InlineData("entra-signins/diagnostic-signinlogs.jsonl", 10, "signin.legacy-auth-success")]
    public void ConditionRule_BundledRealRecord_IsMapped(string sample, int index, string ruleId)
    {
        var record = Engine.ClassifyFile(BundledSamples.PathOf(sample)).Single(r => r.Origin.RecordIndex == index);

        record.Evidence.Select(e => e.Rule.Id).Should().Contain(ruleId);
    }

    [Theory]
    [InlineData("azure-activity/diagnostic-activity.jsonl", 2, "activity.nsg-rule-open-management-port")]
    [InlineData("entra-audit/diagnostic-auditlogs-records.json", 0, "audit.conditional-access-policy-disabled")]
    [InlineData("entra-signins/diagnostic-signinlogs.jsonl", 0, "signin.high-risk-success")]
    public void ConditionRule_BundledNearMiss_IsNotMapped(string sample, int index, string ruleId)
    {
        var record = Engine.ClassifyFile(BundledSamples.PathOf(sample)).Single(r => r.Origin.RecordIndex == index);

        record.Evidence.Select(e => e.Rule.Id).Should().NotContain(ruleId);
    }

    private static string RealShapeRecord(MappingRule rule, string key)
    {
        switch (rule.Family)
        {
            case LogFamily.AzureActivity:
            {
                // Activity Log diagnostic-settings record (PT1H.json line): a routine VM start, renamed.
                var record = Template("azure-activity/diagnostic-activity.jsonl");
                record["operationName"] = key;
                record["identity"]!["authorization"]!["action"] = key;
                return record.ToJsonString();
            }

            case LogFamily.EntraAudit:
            {
                // Event Hub body with one AuditLogs record: a routine group update, renamed.
                var record = JsonNode.Parse(File.ReadAllText(BundledSamples.PathOf("entra-audit/diagnostic-auditlogs-records.json")))!["records"]![0]!.DeepClone();
                record["operationName"] = key;
                record["properties"]!["activityDisplayName"] = key;
                return new JsonObject { ["records"] = new JsonArray(record) }.ToJsonString();
            }

            case LogFamily.DefenderForCloud:
            {
                // Defender continuous export (flat PascalCase alert).
                var record = Template("defender-alerts/export-continuous.jsonl", line: 1);
                record["AlertType"] = key;
                return record.ToJsonString();
            }

            case LogFamily.EntraRiskDetection:
            {
                // Graph /identityProtection/riskDetections page.
                var page = JsonNode.Parse(File.ReadAllText(BundledSamples.PathOf("entra-risk/graph-riskdetections.json")))!;
                var detection = page["value"]![0]!.DeepClone();
                detection["riskEventType"] = key;
                return new JsonObject { ["@odata.context"] = page["@odata.context"]!.DeepClone(), ["value"] = new JsonArray(detection) }.ToJsonString();
            }

            default:
            {
                // SignInLogs diagnostic record: a routine interactive success, changed on the rule's field.
                var record = Template("entra-signins/diagnostic-signinlogs.jsonl");
                var properties = record["properties"]!;
                switch (rule.MatchField?.ToLowerInvariant())
                {
                    case "clientappused":
                        properties["clientAppUsed"] = key;
                        break;
                    case "riskeventtype":
                        properties["riskEventTypes"] = new JsonArray(key);
                        properties["riskEventTypes_v2"] = new JsonArray(key);
                        properties["riskLevelDuringSignIn"] = "medium";
                        properties["riskState"] = "atRisk";
                        break;
                    default:
                        record["resultType"] = key;
                        properties["status"] = int.TryParse(key, out var code)
                            ? new JsonObject { ["errorCode"] = code, ["failureReason"] = "Reason text" }
                            : new JsonObject { ["failureReason"] = "Reason text" };
                        break;
                }

                return record.ToJsonString();
            }
        }
    }

    private static JsonNode Template(string sample, int line = 0) =>
        JsonNode.Parse(File.ReadLines(BundledSamples.PathOf(sample)).Skip(line).First())!;
}
