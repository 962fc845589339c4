using AttackMap.Signals;

namespace AttackMap.Sentinel;

/// <summary>The log family of each Log Analytics table that belongs to one of the five families the library maps.</summary>
public static class SentinelLogFamilies
{
    private static readonly Dictionary<string, LogFamily> ByTable = new(StringComparer.Ordinal)
    {
        ["SecurityAlert"] = LogFamily.DefenderForCloud,
        ["SigninLogs"] = LogFamily.EntraSignIn,
        ["AADNonInteractiveUserSignInLogs"] = LogFamily.EntraSignIn,
        ["AADServicePrincipalSignInLogs"] = LogFamily.EntraSignIn,
        ["AADManagedIdentitySignInLogs"] = LogFamily.EntraSignIn,
        ["AADUserRiskEvents"] = LogFamily.EntraRiskDetection,
        ["AADRiskyUsers"] = LogFamily.EntraRiskDetection,
        ["AADServicePrincipalRiskEvents"] = LogFamily.EntraRiskDetection,
        ["AADRiskyServicePrincipals"] = LogFamily.EntraRiskDetection,
        ["AuditLogs"] = LogFamily.EntraAudit,
        ["AzureActivity"] = LogFamily.AzureActivity,
    };

    /// <summary>Returns the family of a table (exact case, as KQL names are case-sensitive).</summary>
    /// <param name="table">The table name.</param>
    /// <param name="family">The family, when the table belongs to one.</param>
    /// <returns><see langword="true"/> when the table belongs to one of the five families.</returns>
    public static bool TryGetFamily(string table, out LogFamily family) => ByTable.TryGetValue(table ?? string.Empty, out family);
}
