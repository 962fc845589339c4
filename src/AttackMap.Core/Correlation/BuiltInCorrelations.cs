using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>The built-in correlations (documented in <c>docs/correlation-rules.md</c>). Each call returns new rule objects.</summary>
internal static partial class BuiltInCorrelations
{
    /// <summary>Sign-in failure codes that mean a wrong password was tried: 50126 bad password, 50053 smart lockout, 50064 credential validation failed.</summary>
    private static string[] PasswordFailureCodes => new[] { "50126", "50053", "50064" };

    /// <summary>Spray adds 50034 (user does not exist) and 50057 (account disabled): a word list hits accounts that are gone too.</summary>
    private static string[] SprayFailureCodes => new[] { "50126", "50053", "50064", "50034", "50057" };

    /// <summary>MFA denials and timeouts: 500121 strong-auth failed, 50088 telephony MFA call limit, 50158 external challenge not met.</summary>
    private static string[] MfaFailureCodes => new[] { "500121", "50088", "50158" };

    private static string[] RiskAtLeastMedium => new[] { "medium", "high" };

    public static IReadOnlyList<CorrelationRule> Create() => new[]
    {
        PasswordGuessing(),
        PasswordSpraying(),
        PasswordSprayingByAsn(),
        SuccessAfterFailures(),
        MfaRequestFlooding(),
        MfaFloodingThenSuccess(),
        ChangeAfterRiskySignIn(),
        ChangeAfterNewSignInLocation(),
        PrivilegedChangeChain(),
        DefenderAlertWithResourceWrite(),
        CloudLogsImpairedAfterRiskySignIn(),
        DefenderPlanDowngradedAfterRiskySignIn(),
        FirewallOpenedAfterRiskySignIn(),
    };

    private static SignalMatch SignIns(params string[] codes) => new(LogFamily.EntraSignIn) { Keys = codes };

    private static RuleCondition Condition(string field, ConditionOperator op, params string[] values) => new(field, op, values);

    /// <summary>A sign-in with real-time or aggregated risk of medium or more, or a risk detection of medium or more.</summary>
    private static CorrelationStep RiskySignIn() => new("risky-sign-in", new[]
    {
        new SignalMatch(LogFamily.EntraSignIn) { Conditions = new[] { Condition("riskLevelDuringSignIn", ConditionOperator.Equals, RiskAtLeastMedium) } },
        new SignalMatch(LogFamily.EntraSignIn) { Conditions = new[] { Condition("riskLevelAggregated", ConditionOperator.Equals, RiskAtLeastMedium) } },
        new SignalMatch(LogFamily.EntraRiskDetection) { Conditions = new[] { Condition("riskLevel", ConditionOperator.Equals, RiskAtLeastMedium) } },
    });

    /// <summary>A successful control-plane write, delete or action (not its Started/Accepted echo) or a successful directory change.</summary>
    private static CorrelationStep Change() => new("change", new[]
    {
        ActivityWrite(),
        new SignalMatch(LogFamily.EntraAudit) { Conditions = new[] { Condition("result", ConditionOperator.NotEquals, "failure", "timeout") } },
    });

    private static SignalMatch ActivityWrite(params string[] operations) => new(LogFamily.AzureActivity)
    {
        Keys = operations,
        Sources = new[] { SignalSource.AzureActivityWrite },
        Conditions = new[]
        {
            Condition("isFailed", ConditionOperator.Equals, "false"),
            Condition("status", ConditionOperator.NotEquals, "Started", "Start", "Accepted", "Accept"),
        },
    };
}
