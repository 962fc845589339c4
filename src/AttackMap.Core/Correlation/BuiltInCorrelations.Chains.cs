using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>Built-in correlations that chain identity signals with control-plane and directory changes.</summary>
internal static partial class BuiltInCorrelations
{
    private static CorrelationRule ChangeAfterRiskySignIn() => new(
        "correlation.change-after-risky-sign-in",
        TimeSpan.FromMinutes(60),
        new[] { RiskySignIn(), Change() },
        new[] { "T1078.004" },
        EvidenceKind.DirectDetection,
        "A control-plane write or directory change by a principal within an hour after that principal's sign-in was rated medium or high risk (or Identity Protection raised a medium or high detection for it) is the risky session being used to change things; alone, either record is routine.")
    {
        Name = "Change after a risky sign-in",
        GroupBy = CorrelationKey.Principal,
        Ordered = true,
    };

    private static CorrelationRule ChangeAfterNewSignInLocation() => new(
        "correlation.change-after-new-sign-in-location",
        TimeSpan.FromMinutes(60),
        new[]
        {
            new CorrelationStep("new-location-sign-in", new[] { SignIns("0") }) { NewValueOf = new[] { "ipAddress", "location" } },
            Change(),
        },
        new[] { "T1078.004" },
        EvidenceKind.NeedsReview,
        "A change within an hour after the principal signed in from an IP address or country it had not used before in the stream can be stolen credentials at work, but travel and new networks produce the same pattern; an analyst should look.")
    {
        Name = "Change after a sign-in from a new IP or country",
        GroupBy = CorrelationKey.Principal,
        Ordered = true,
    };

    private static CorrelationRule PrivilegedChangeChain() => new(
        "correlation.privileged-change-chain",
        TimeSpan.FromHours(4),
        new[]
        {
            new CorrelationStep("role-assignment", new[]
            {
                RoleAssignment("requestBody.properties.principalId"),
                RoleAssignment("responseBody.properties.principalId"),
                new SignalMatch(LogFamily.EntraAudit)
                {
                    Keys = new[] { "Add member to role", "Add eligible member to role", "Add member to role completed (PIM activation)" },
                    Conditions = new[] { Condition("result", ConditionOperator.NotEquals, "failure", "timeout") },
                    KeyField = "targets.0.id",
                },
            }),
            new CorrelationStep("privileged-use", new[]
            {
                ActivityWrite(
                    "Microsoft.KeyVault/vaults/accessPolicies/write",
                    "Microsoft.KeyVault/vaults/write",
                    "Microsoft.Compute/virtualMachines/runCommand/action",
                    "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action",
                    "Microsoft.Compute/virtualMachines/runCommands/write",
                    "Microsoft.Compute/virtualMachines/extensions/write",
                    "Microsoft.Storage/storageAccounts/listKeys/action",
                    "Microsoft.Authorization/elevateAccess/action"),
            }),
        },
        new[] { "T1098.003" },
        EvidenceKind.DirectDetection,
        "A principal that receives a role and then, within four hours, uses control-plane powers such as key vault access policies, run command, VM extensions or storage keys shows the new role being exercised; the assignment was the escalation step, not housekeeping.")
    {
        Name = "Role assignment followed by its use",
        GroupBy = CorrelationKey.Principal,
        Ordered = true,
        Description = "The assignee is read from the role assignment's request or response body (properties.principalId) or from the audit event's first target id; it must equal the later caller's principal key (object id).",
    };

    private static CorrelationRule DefenderAlertWithResourceWrite() => new(
        "correlation.defender-alert-with-resource-write",
        TimeSpan.FromMinutes(60),
        new[]
        {
            new CorrelationStep("defender-alert", new[] { new SignalMatch(LogFamily.DefenderForCloud) }),
            new CorrelationStep("resource-write", new[] { ActivityWrite() }),
        },
        Array.Empty<string>(),
        EvidenceKind.CorrelationContext,
        "A Defender for Cloud alert and a control-plane write on the same resource (or its parent or child) within an hour, in either order, ties the alert to a change an identity made; the alert's own mapping names the technique, the write names who acted.")
    {
        Name = "Defender alert and a write on the same resource",
        GroupBy = CorrelationKey.ResourceRoot,
    };

    private static SignalMatch RoleAssignment(string keyField) => new(LogFamily.AzureActivity)
    {
        Keys = new[] { "Microsoft.Authorization/roleAssignments/write" },
        Conditions = new[] { Condition("isFailed", ConditionOperator.Equals, "false") },
        KeyField = keyField,
    };
}
