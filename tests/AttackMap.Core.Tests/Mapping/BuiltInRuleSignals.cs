using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Mapping;

/// <summary>Builds, for a built-in rule and one of its keys, a signal that the rule must map (conditions satisfied).</summary>
internal static class BuiltInRuleSignals
{
    public const string OpenRdpBody = """{"properties":{"protocol":"Tcp","sourcePortRange":"*","destinationPortRange":"3389","sourceAddressPrefix":"*","destinationAddressPrefix":"*","access":"Allow","priority":100,"direction":"Inbound"}}""";

    public const string OpenPortListBody = """{"id":"/subscriptions/00000000-0000-4000-8000-0000000000a1/resourceGroups/lab/providers/Microsoft.Network/networkSecurityGroups/lab-nsg/securityRules/mgmt","properties":{"protocol":"Tcp","sourceAddressPrefix":"Internet","destinationPortRanges":["443", "22"],"access":"Allow","direction":"Inbound","priority":110}}""";

    public const string OpenRangeFromSourceListBody = """{"properties":{"protocol":"Tcp","sourceAddressPrefixes":["198.51.100.0/24","Internet"],"destinationPortRange":"3380-3390","access":"Allow","direction":"Inbound","priority":120}}""";

    public const string OpenPortListFromSourceListBody = """{"properties":{"protocol":"*","sourceAddressPrefixes":["0.0.0.0/0"],"destinationPortRanges":["443","5980-5990"],"access":"Allow","direction":"Inbound","priority":130}}""";

    public const string ProbedText = "Attackers were observed scanning and attempting brute force against the exposed endpoint.";

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
        "defender.exposed-docker",
        "defender.exposed-docker-probed",
        "defender.k8s-exposed-service",
        "defender.k8s-exposed-service-probed",
        "audit.group-created",
        "audit.group-created-role-assignable",
        "audit.user-update-mfa-methods",
        "audit.user-update-guest-to-member",
        "audit.application-update-permissions",
        "activity.key-vault-network-open",
        "activity.defender-plan-free",
        "activity.storage-blob-public-access-enabled",
        "activity.storage-network-open",
        "activity.nsg-rule-open-management-port-source-list",
        "activity.nsg-rule-open-management-port-source-list-port-list",
    };

    public static Signal For(MappingRule rule, string key) => rule.Family switch
    {
        LogFamily.DefenderForCloud => rule.Id.EndsWith("-probed", StringComparison.Ordinal)
            ? new DefenderAlert(TestSignals.Origin(), key) { DisplayName = "Exposed service", Description = ProbedText }
            : TestSignals.Alert(key),
        LogFamily.EntraRiskDetection => TestSignals.Risk(key, workloadIdentity: rule.Id == "risk.leaked-credentials-workload"),
        LogFamily.EntraAudit => rule.Id == "audit.conditional-access-policy-disabled"
            ? TestSignals.Audit(key, new ModifiedProperty("ConditionalAccessPolicy", CaPolicyDisabled.Replace("disabled", "enabled", StringComparison.Ordinal), CaPolicyDisabled))
            : rule.Id switch
            {
                "audit.group-created-role-assignable" => TestSignals.Audit(key, new ModifiedProperty("IsAssignableToRole", null, "[true]")),
                "audit.user-update-mfa-methods" => TestSignals.Audit(key, new ModifiedProperty("StrongAuthenticationMethod", "[]", """[{"MethodType":6,"Default":true}]""")),
                "audit.user-update-guest-to-member" => TestSignals.Audit(key, new ModifiedProperty("UserType", "[\"Guest\"]", "[\"Member\"]")),
                "audit.application-update-permissions" => TestSignals.Audit(key, new ModifiedProperty("RequiredResourceAccess", "[]", """[{"ResourceAppId":"00000003-0000-0000-c000-000000000000"}]""")),
                _ => TestSignals.Audit(key),
            },
        LogFamily.AzureActivity => TestSignals.Activity(key, rule.Id switch
        {
            "activity.nsg-rule-open-management-port" => OpenRdpBody,
            "activity.nsg-rule-open-management-port-list" => OpenPortListBody,
            "activity.storage-container-public" => """{"properties":{"publicAccess":"Container","metadata":{}}}""",
            "activity.key-vault-network-open" or "activity.storage-network-open" => """{"properties":{"networkAcls":{"bypass":"AzureServices","defaultAction":"Allow"}}}""",
            "activity.defender-plan-free" => """{"properties":{"pricingTier":"Free"}}""",
            "activity.storage-blob-public-access-enabled" => """{"properties":{"allowBlobPublicAccess":true}}""",
            "activity.nsg-rule-open-management-port-source-list" => OpenRangeFromSourceListBody,
            "activity.nsg-rule-open-management-port-source-list-port-list" => OpenPortListFromSourceListBody,
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
