namespace AttackMap.Benchmarks;

/// <summary>
/// The record mix every generator draws from, shaped like a real tenant's export: sign-ins dominate and are mostly
/// successful (no rule maps them), Azure Activity is mostly routine writes and policy audits, audit logs mix routine
/// group and user changes (some of which the pack maps, as in real tenants), and risk detections and alerts are rare.
/// With the built-in pack about 13% of records map to a technique (see <c>--check-data</c>).
/// </summary>
internal static class SignalMix
{
    /// <summary>Share (per mille) of sign-ins, Azure Activity, audit and risk detections; the rest are alerts.</summary>
    public const int SignIns = 600, Activity = 200, Audit = 150, Risk = 30;

    /// <summary>Share (per mille) of sign-ins that failed with a mapped error code, and of activity records that are sensitive writes.</summary>
    public const int FailedSignIns = 50, SensitiveActivity = 100, MappedAlerts = 500;

    public static readonly string[] MappedOperations =
    {
        "Microsoft.Authorization/roleAssignments/write", "Microsoft.Insights/diagnosticSettings/delete",
        "Microsoft.Network/networkSecurityGroups/securityRules/write", "Microsoft.Compute/virtualMachines/runCommand/action",
        "Microsoft.KeyVault/vaults/accessPolicies/write", "Microsoft.Storage/storageAccounts/listKeys/action",
    };

    public static readonly string[] RoutineOperations =
    {
        "Microsoft.Authorization/policies/audit/action", "Microsoft.Authorization/policies/auditIfNotExists/action", "Microsoft.Compute/virtualMachines/start/action",
        "Microsoft.Compute/virtualMachines/deallocate/action", "Microsoft.Resources/tags/write", "Microsoft.Network/networkInterfaces/write",
        "Microsoft.Web/sites/write", "Microsoft.Compute/disks/write", "Microsoft.Resources/deployments/validate/action", "Microsoft.Sql/servers/databases/write",
    };

    public static readonly string[] MappedActivities = { "Add member to role", "Add service principal credentials", "Consent to application", "Add user" };

    /// <summary>Routine directory changes; "Update user" and "Add member to group" are mapped by the pack (as preconditions), the rest are not.</summary>
    public static readonly string[] RoutineActivities = { "Update group", "Remove member from group", "Add group", "Update user", "Add member to group", "Delete group", "Update agreement", "Remove owner from group" };

    public static readonly string[] FailureCodes = { "50126", "50053", "500121", "50057" };

    /// <summary>Routine result codes: success, plus interrupts that are part of normal MFA flows (unmapped).</summary>
    public static readonly string[] RoutineCodes = { "0", "0", "0", "0", "0", "0", "50140", "50074" };

    public static readonly string[] RiskTypes = { "unfamiliarFeatures", "anonymizedIPAddress", "passwordSpray", "leakedCredentials", "generic" };

    public static readonly string[] MappedAlertTypes = { "VM_SshBruteForceFailed", "VM_AmDisablement", "VM_RunCommandSuspiciousScript", "VM_SshKeyAddition" };

    public static readonly string[] UnmappedAlertTypes = { "VM_NotARealAlertType", "SQL.DB_UnusualQuery_Synthetic" };

    public static readonly string[] Apps = { "Azure Portal", "Microsoft Teams", "Office 365 Exchange Online", "Microsoft Azure CLI", "My Apps" };
}
