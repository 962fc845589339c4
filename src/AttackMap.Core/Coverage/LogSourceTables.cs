using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <summary>The Log Analytics tables of each log family, the primary (most useful) table first.</summary>
internal static class LogSourceTables
{
    public static readonly IReadOnlyList<LogFamily> Families = Array.AsReadOnly(new[]
    {
        LogFamily.DefenderForCloud,
        LogFamily.EntraSignIn,
        LogFamily.EntraRiskDetection,
        LogFamily.EntraAudit,
        LogFamily.AzureActivity,
    });

    private static readonly IReadOnlyList<string>[] TablesByFamily =
    {
        Array.AsReadOnly(new[] { "SecurityAlert" }),
        Array.AsReadOnly(new[] { "SigninLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs" }),
        Array.AsReadOnly(new[] { "AADUserRiskEvents", "AADRiskyUsers", "AADServicePrincipalRiskEvents", "AADRiskyServicePrincipals" }),
        Array.AsReadOnly(new[] { "AuditLogs" }),
        Array.AsReadOnly(new[] { "AzureActivity" }),
    };

    private static readonly Dictionary<string, (LogFamily Family, string Table)> ByName = BuildIndex();

    public static IReadOnlyList<string> GetTables(LogFamily family) =>
        (int)family >= 0 && (int)family < TablesByFamily.Length ? TablesByFamily[(int)family] : Array.Empty<string>();

    /// <summary>The table to enable first for a family; the family name for a value outside the enum.</summary>
    public static string Primary(LogFamily family)
    {
        var tables = GetTables(family);
        return tables.Count > 0 ? tables[0] : family.ToString();
    }

    public static bool TryGetTable(string name, out LogFamily family, out string canonical)
    {
        if (name is not null && ByName.TryGetValue(name.Trim(), out var entry))
        {
            family = entry.Family;
            canonical = entry.Table;
            return true;
        }

        family = default;
        canonical = string.Empty;
        return false;
    }

    public static IEnumerable<string> AllTables() => Families.SelectMany(GetTables);

    private static Dictionary<string, (LogFamily Family, string Table)> BuildIndex()
    {
        var index = new Dictionary<string, (LogFamily, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var family in Families)
        {
            foreach (var table in GetTables(family))
            {
                index[table] = (family, table);
            }
        }

        return index;
    }
}
