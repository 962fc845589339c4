using AttackMap.Signals;

namespace AttackMap.Benchmarks;

/// <summary>
/// Deterministic synthetic signals with a realistic mix: mostly routine records no rule maps (successful sign-ins,
/// reads, benign audit updates), a minority of mapped ones, thousands of distinct principals and resources.
/// </summary>
internal static class SyntheticSignals
{
    private static readonly string[] MappedOperations =
    {
        "Microsoft.Authorization/roleAssignments/write", "Microsoft.Insights/diagnosticSettings/delete",
        "Microsoft.Network/networkSecurityGroups/securityRules/write", "Microsoft.Compute/virtualMachines/runCommand/action",
        "Microsoft.KeyVault/vaults/accessPolicies/write", "Microsoft.Storage/storageAccounts/listKeys/action",
    };

    private static readonly string[] RoutineOperations =
    {
        "Microsoft.Compute/virtualMachines/read", "Microsoft.Compute/virtualMachines/start/action", "Microsoft.Resources/deployments/read",
        "Microsoft.Web/sites/read", "Microsoft.Storage/storageAccounts/read", "Microsoft.Network/virtualNetworks/read",
    };

    private static readonly string[] MappedActivities = { "Add member to role", "Add service principal credentials", "Consent to application", "Add user" };
    private static readonly string[] RoutineActivities = { "Update group", "Add member to group", "Update device", "Update user" };
    private static readonly string[] FailureCodes = { "50126", "50053", "500121", "50057" };
    private static readonly string[] AlertTypes = { "VM_EICAR", "KV_ListGetAnomaly", "ARM_AnomalousRBACRoleAssignment", "Storage.Blob_SuspiciousIp", "VM_NotARealAlertType" };

    /// <summary>Builds <paramref name="count"/> signals; about 1 in 10 is mapped by the built-in pack.</summary>
    public static Signal[] Create(int count, int seed = 20261203)
    {
        var random = new Random(seed);
        var signals = new Signal[count];
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var origin = new SignalOrigin("synthetic", i);
            var time = start.AddMilliseconds(i * 50);
            var user = new Principal(PrincipalKind.User, $"00000000-0000-4000-8000-{random.Next(5000):D12}", null);
            var resource = $"/subscriptions/00000000-0000-4000-8000-00000000c0de/resourcegroups/rg{random.Next(200)}/providers/microsoft.compute/virtualmachines/vm{random.Next(2000)}";
            var mapped = random.Next(10) == 0;
            signals[i] = random.Next(100) switch
            {
                < 45 => new EntraSignIn(origin, SignInKind.UserInteractive, mapped ? FailureCodes[random.Next(FailureCodes.Length)] : "0")
                {
                    Time = time, Principal = user, IpAddress = $"198.51.100.{random.Next(255)}", ClientAppUsed = "Browser",
                    RiskLevelDuringSignIn = "none", RiskLevelAggregated = "none", Table = "SigninLogs",
                },
                < 75 => new AzureActivityEvent(origin, mapped ? MappedOperations[random.Next(MappedOperations.Length)] : RoutineOperations[random.Next(RoutineOperations.Length)])
                {
                    Time = time, Principal = user, ResourceId = resource, Category = "Administrative", Status = "Succeeded", Table = "AzureActivity",
                },
                < 93 => new EntraAuditEvent(origin, mapped ? MappedActivities[random.Next(MappedActivities.Length)] : RoutineActivities[random.Next(RoutineActivities.Length)])
                {
                    Time = time, Principal = user, Category = "UserManagement", Result = "success", Table = "AuditLogs",
                },
                < 98 => new EntraRiskDetection(origin, mapped ? "unfamiliarFeatures" : "notARealRiskType")
                {
                    Time = time, Principal = user, RiskLevel = "medium", Table = "AADUserRiskEvents",
                },
                _ => new DefenderAlert(origin, mapped ? AlertTypes[random.Next(AlertTypes.Length)] : "VM_NotARealAlertType")
                {
                    Time = time, ResourceId = resource, Severity = "Medium", Table = "SecurityAlert",
                },
            };
        }

        return signals;
    }
}
