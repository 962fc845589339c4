using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Mapping;

/// <summary>Builds, for a built-in rule and one of its keys, a signal that the rule must map (conditions satisfied).</summary>
internal static class BuiltInRuleSignals
{
    public const string OpenRdpBody = """{"properties":{"protocol":"Tcp","sourcePortRange":"*","destinationPortRange":"3389","sourceAddressPrefix":"*","destinationAddressPrefix":"*","access":"Allow","priority":100,"direction":"Inbound"}}""";

    public const string OpenPortListBody = """{"id":"/subscriptions/00000000-0000-4000-8000-0000000000a1/resourceGroups/lab/providers/Microsoft.Network/networkSecurityGroups/lab-nsg/securityRules/mgmt","properties":{"protocol":"Tcp","sourceAddressPrefix":"Internet","destinationPortRanges":["443", "22"],"access":"Allow","direction":"Inbound","priority":110}}""";

    public const string CaPolicyDisabled = """{"id":"00000000-0000-4000-8000-0000000000c1","displayName":"Require MFA for admins","state":"disabled","conditions":{}}""";

    /// <summary>Gets the ids of the built-in rules with conditions this class knows how to satisfy.</summary>
    public static IReadOnlyCollection<string> ConditionalRuleIds { get; } = new[]
    {
        "activity.nsg-rule-open-management-port",
        "activity.nsg-rule-open-management-port-list",
        "activity.storage-container-public",
        "audit.conditional-access-policy-disabled",
        "signin.legacy-auth-success",
        "signin.high-risk-success",
        "risk.leaked-credentials-user",
        "risk.leaked-credentials-workload",
    };

    public static Signal For(MappingRule rule, string key) => rule.Family switch
    {
        LogFamily.DefenderForCloud => TestSignals.Alert(key),
        LogFamily.EntraRiskDetection => TestSignals.Risk(key, workloadIdentity: rule.Id == "risk.leaked-credentials-workload"),
        LogFamily.EntraAudit => rule.Id == "audit.conditional-access-policy-disabled"
            ? TestSignals.Audit(key, new ModifiedProperty("ConditionalAccessPolicy", CaPolicyDisabled.Replace("disabled", "enabled", StringComparison.Ordinal), CaPolicyDisabled))
            : TestSignals.Audit(key),
        LogFamily.AzureActivity => TestSignals.Activity(key, rule.Id switch
        {
            "activity.nsg-rule-open-management-port" => OpenRdpBody,
            "activity.nsg-rule-open-management-port-list" => OpenPortListBody,
            "activity.storage-container-public" => """{"properties":{"publicAccess":"Container","metadata":{}}}""",
            _ => null,
        }),
        _ => SignIn(rule, key),
    };

    private static EntraSignIn SignIn(MappingRule rule, string key) => (rule.MatchField ?? "resultType") switch
    {
        "riskEventType" => TestSignals.SignIn("0", "Browser", "medium", key),
        "clientAppUsed" => TestSignals.SignIn(rule.Conditions.Count > 0 ? "0" : "50126", key),
        _ => TestSignals.SignIn(key, "Browser", rule.Conditions.Count > 0 ? "high" : null),
    };
}
