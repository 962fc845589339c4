namespace AttackMap.Ingestion;

/// <summary>The Log Analytics tables and diagnostic categories of the five families, and the Graph contexts that name them.</summary>
internal static class LogTables
{
    public static readonly Dictionary<string, string> CategoryToTable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SignInLogs"] = "SigninLogs",
        ["NonInteractiveUserSignInLogs"] = "AADNonInteractiveUserSignInLogs",
        ["ServicePrincipalSignInLogs"] = "AADServicePrincipalSignInLogs",
        ["ManagedIdentitySignInLogs"] = "AADManagedIdentitySignInLogs",
        ["UserRiskEvents"] = "AADUserRiskEvents",
        ["RiskyUsers"] = "AADRiskyUsers",
        ["ServicePrincipalRiskEvents"] = "AADServicePrincipalRiskEvents",
        ["RiskyServicePrincipals"] = "AADRiskyServicePrincipals",
        ["AuditLogs"] = "AuditLogs",
        ["Audit"] = "AuditLogs",
        ["Administrative"] = "AzureActivity",
        ["Security"] = "AzureActivity",
        ["Policy"] = "AzureActivity",
        ["Alert"] = "AzureActivity",
        ["Autoscale"] = "AzureActivity",
        ["Recommendation"] = "AzureActivity",
        ["ServiceHealth"] = "AzureActivity",
        ["ResourceHealth"] = "AzureActivity",
        ["Write"] = "AzureActivity",
        ["Delete"] = "AzureActivity",
        ["Action"] = "AzureActivity",
    };

    private static readonly HashSet<string> KnownTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "SigninLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs",
        "AADUserRiskEvents", "AADRiskyUsers", "AADServicePrincipalRiskEvents", "AADRiskyServicePrincipals",
        "AuditLogs", "AzureActivity", "SecurityAlert",
    };

    /// <summary>Maps a Graph <c>@odata.context</c> to the table its records belong to, or null.</summary>
    public static string? TableFromODataContext(string? context)
    {
        if (context is null)
        {
            return null;
        }

        var hash = context.LastIndexOf('#');
        var entity = hash >= 0 ? context.Substring(hash + 1) : context;
        if (Contains(entity, "servicePrincipalRiskDetections")) return "AADServicePrincipalRiskEvents";
        if (Contains(entity, "riskDetections")) return "AADUserRiskEvents";
        if (Contains(entity, "riskyUsers")) return "AADRiskyUsers";
        if (Contains(entity, "riskyServicePrincipals")) return "AADRiskyServicePrincipals";
        if (Contains(entity, "signIns")) return "SigninLogs";
        if (Contains(entity, "directoryAudits")) return "AuditLogs";
        if (Contains(entity, "alerts")) return "SecurityAlert";
        return null;
    }

    /// <summary>Returns whether <paramref name="table"/> is a table the library reads.</summary>
    public static bool IsKnownTable(string table) => KnownTables.Contains(table);

    private static bool Contains(string text, string value) => text.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;
}
