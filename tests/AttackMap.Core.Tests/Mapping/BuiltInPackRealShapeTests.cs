using System.Text.Json.Nodes;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Mapping;

/// <summary>
/// Every key of every built-in rule, written into a record of a real export shape (a bundled sample record used as the
/// template, with the fields a condition rule needs filled in the shape's own places), read back by the log reader and
/// classified: the rule must fire.
/// </summary>
public sealed class BuiltInPackRealShapeTests
{
    private static readonly AttackMapEngine Engine = new();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Engine.Rules.Rules.Where(r => r.Keys.Count > 0))
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
        // For condition rules, the typed signal that satisfies the conditions says which fields to fill.
        var wanted = rule.Conditions.Count > 0 ? BuiltInRuleSignals.For(rule, key) : null;
        switch (rule.Family)
        {
            case LogFamily.AzureActivity:
            {
                // Activity Log diagnostic-settings record (PT1H.json line): a routine VM start, renamed.
                var record = Template("azure-activity/diagnostic-activity.jsonl");
                record["operationName"] = key;
                record["identity"]!["authorization"]!["action"] = key;
                if (wanted is AzureActivityEvent { RequestBody: { } body })
                {
                    record["properties"]!["requestbody"] = body;
                }

                return record.ToJsonString();
            }

            case LogFamily.EntraAudit:
            {
                // Event Hub body with one AuditLogs record: a routine group update, renamed.
                var record = JsonNode.Parse(File.ReadAllText(BundledSamples.PathOf("entra-audit/diagnostic-auditlogs-records.json")))!["records"]![0]!.DeepClone();
                record["operationName"] = key;
                record["properties"]!["activityDisplayName"] = key;
                if (wanted is EntraAuditEvent audit)
                {
                    var modified = new JsonArray();
                    foreach (var property in audit.Targets.SelectMany(t => t.ModifiedProperties))
                    {
                        modified.Add(new JsonObject { ["displayName"] = property.DisplayName, ["oldValue"] = property.OldValue, ["newValue"] = property.NewValue });
                    }

                    record["properties"]!["targetResources"]![0]!["modifiedProperties"] = modified;
                }

                return new JsonObject { ["records"] = new JsonArray(record) }.ToJsonString();
            }

            case LogFamily.DefenderForCloud:
            {
                // Defender continuous export (flat PascalCase alert).
                var record = Template("defender-alerts/export-continuous.jsonl", line: 1);
                record["AlertType"] = key;
                if (wanted is DefenderAlert alert)
                {
                    record["AlertDisplayName"] = alert.DisplayName ?? "Exposed service";
                    record["Description"] = alert.Description ?? "The service is reachable from the Internet.";
                }

                return record.ToJsonString();
            }

            case LogFamily.EntraRiskDetection when wanted is EntraRiskDetection { IsWorkloadIdentity: true }:
            {
                // ServicePrincipalRiskEvents diagnostic record (workload identity risk).
                return new JsonObject
                {
                    ["time"] = "2026-11-20T09:15:02.0000000Z",
                    ["category"] = "ServicePrincipalRiskEvents",
                    ["operationName"] = "Service principal risk event",
                    ["properties"] = new JsonObject
                    {
                        ["id"] = "00000000-0000-4000-8000-0000000005f1",
                        ["riskEventType"] = key,
                        ["riskLevel"] = "high",
                        ["riskState"] = "atRisk",
                        ["servicePrincipalId"] = "00000000-0000-4000-8000-0000000000b1",
                        ["servicePrincipalDisplayName"] = "ci-deployer",
                        ["appId"] = "00000000-0000-4000-8000-0000000000b2",
                        ["activityDateTime"] = "2026-11-20T09:15:02.0000000Z",
                        ["detectedDateTime"] = "2026-11-20T09:15:02.0000000Z",
                    },
                }.ToJsonString();
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
                        if (wanted is EntraSignIn { IsSuccess: false } failed)
                        {
                            record["resultType"] = failed.ResultType;
                        }

                        break;
                    case "riskeventtype":
                        properties["riskEventTypes"] = new JsonArray(key);
                        properties["riskEventTypes_v2"] = new JsonArray(key);
                        properties["riskLevelDuringSignIn"] = "medium";
                        properties["riskState"] = "atRisk";
                        break;
                    default:
                        if (wanted is EntraSignIn { RiskLevelDuringSignIn: { } level })
                        {
                            properties["riskLevelDuringSignIn"] = level;
                            properties["riskState"] = "atRisk";
                        }

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
