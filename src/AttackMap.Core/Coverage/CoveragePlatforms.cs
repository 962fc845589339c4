namespace AttackMap.Coverage;

/// <summary>Translates old ATT&amp;CK platform names to the current ones (v16 renamed Azure AD and Office 365; Azure, AWS and GCP became IaaS in v9).</summary>
internal static class CoveragePlatforms
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
        var trimmed = platform.Trim();
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
}
