namespace AttackMap.Attack;

/// <summary>Platform names of ATT&amp;CK Enterprise and the older names that mean the same platform.</summary>
internal static class AttackPlatforms
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Azure AD"] = "Identity Provider",
        ["AzureAD"] = "Identity Provider",
        ["Entra ID"] = "Identity Provider",
        ["Office 365"] = "Office Suite",
        ["Google Workspace"] = "Office Suite",
        ["Azure"] = "IaaS",
        ["AWS"] = "IaaS",
        ["GCP"] = "IaaS",
        ["IaaS"] = "IaaS",
        ["Identity Provider"] = "Identity Provider",
        ["SaaS"] = "SaaS",
        ["Office Suite"] = "Office Suite",
        ["Network"] = "Network Devices",
        ["Containers"] = "Containers",
        ["Windows"] = "Windows",
        ["Linux"] = "Linux",
        ["macOS"] = "macOS",
        ["ESXi"] = "ESXi",
        ["PRE"] = "PRE",
        ["Network Devices"] = "Network Devices",
    };

    public static string Normalize(string platform)
    {
        var trimmed = (platform ?? string.Empty).Trim();
        return Aliases.TryGetValue(trimmed, out var current) ? current : trimmed;
    }

    /// <summary>Normalizes a scope: current names, first occurrence kept, empty entries dropped.</summary>
    public static IReadOnlyList<string> NormalizeScope(IEnumerable<string> platforms)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var platform in platforms)
        {
            if (string.IsNullOrWhiteSpace(platform))
            {
                continue;
            }

            var normalized = Normalize(platform);
            if (seen.Add(normalized))
            {
                result.Add(normalized);
            }
        }

        return result;
    }

    /// <summary>Normalizes a set of platform names (aliases resolved, blanks dropped).</summary>
    public static HashSet<string> NormalizeSet(IEnumerable<string> platforms) => new(NormalizeScope(platforms), StringComparer.OrdinalIgnoreCase);
}
