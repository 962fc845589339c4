using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>Built-in correlations for defence impairment after a risky sign-in.</summary>
internal static partial class BuiltInCorrelations
{
    private static CorrelationRule CloudLogsImpairedAfterRiskySignIn() => new(
        "correlation.cloud-logs-impaired-after-risky-sign-in",
        TimeSpan.FromHours(2),
        new[]
        {
            RiskySignIn(),
            new CorrelationStep("diagnostic-setting-delete", new[] { ActivityWrite("Microsoft.Insights/diagnosticSettings/delete", "microsoft.aadiam/diagnosticSettings/delete") }),
        },
        new[] { "T1685.002" },
        EvidenceKind.DirectDetection,
        "Deleting a diagnostic setting within two hours after the same principal's risky sign-in cuts the logs a SOC would investigate with, right after a likely compromise.")
    {
        Name = "Diagnostic setting deleted after a risky sign-in",
        GroupBy = CorrelationKey.Principal,
        Ordered = true,
    };

    private static CorrelationRule DefenderPlanDowngradedAfterRiskySignIn() => new(
        "correlation.defender-plan-downgraded-after-risky-sign-in",
        TimeSpan.FromHours(2),
        new[]
        {
            RiskySignIn(),
            new CorrelationStep("defender-plan-change", new[]
            {
                new SignalMatch(LogFamily.AzureActivity)
                {
                    Keys = new[] { "Microsoft.Security/pricings/write" },
                    Conditions = new[]
                    {
                        Condition("isFailed", ConditionOperator.Equals, "false"),
                        Condition("requestBody.properties.pricingTier", ConditionOperator.NotEquals, "Standard"),
                    },
                },
            }),
        },
        new[] { "T1685" },
        EvidenceKind.DirectDetection,
        "Setting a Defender for Cloud plan to anything but Standard (or a pricing change whose body was not logged) within two hours after the same principal's risky sign-in switches protection off after a likely compromise.")
    {
        Name = "Defender plan downgraded after a risky sign-in",
        GroupBy = CorrelationKey.Principal,
        Ordered = true,
    };

    private static CorrelationRule FirewallOpenedAfterRiskySignIn() => new(
        "correlation.firewall-opened-after-risky-sign-in",
        TimeSpan.FromHours(2),
        new[]
        {
            RiskySignIn(),
            new CorrelationStep("nsg-opened", new[]
            {
                new SignalMatch(LogFamily.AzureActivity)
                {
                    Keys = new[] { "Microsoft.Network/networkSecurityGroups/securityRules/write", "Microsoft.Network/networkSecurityGroups/write" },
                    Conditions = new[]
                    {
                        Condition("isFailed", ConditionOperator.Equals, "false"),
                        Condition("requestBody.properties.access", ConditionOperator.NotEquals, "Deny"),
                        Condition("requestBody.properties.direction", ConditionOperator.NotEquals, "Outbound"),
                    },
                },
            }),
        },
        new[] { "T1686.001" },
        EvidenceKind.DirectDetection,
        "An inbound allow rule written to a network security group within two hours after the same principal's risky sign-in opens the network to the attacker's next step; rules that deny or only govern outbound traffic are left out.")
    {
        Name = "NSG opened after a risky sign-in",
        GroupBy = CorrelationKey.Principal,
        Ordered = true,
    };
}
