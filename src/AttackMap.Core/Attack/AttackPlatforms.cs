namespace AttackMap.Attack;

/// <summary>Platform names of ATT&amp;CK Enterprise and the older names that mean the same platform.</summary>
internal static class AttackPlatforms
{
    /// <summary>Maps a platform name, current or older, to the name used since ATT&amp;CK v15.</summary>
    public static string Normalize(string platform)
    {
        var trimmed = (platform ?? string.Empty).Trim();
        if (trimmed.Equals("Azure AD", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("Entra ID", StringComparison.OrdinalIgnoreCase))
        {
            return "Identity Provider";
        }

        if (trimmed.Equals("Office 365", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("Google Workspace", StringComparison.OrdinalIgnoreCase))
        {
            return "Office Suite";
        }

        if (trimmed.Equals("Azure", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("AWS", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("GCP", StringComparison.OrdinalIgnoreCase))
        {
            return "IaaS";
        }

        return trimmed;
    }

    /// <summary>Normalizes a list of platforms into a case-insensitive set.</summary>
    public static HashSet<string> NormalizeSet(IEnumerable<string> platforms)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var platform in platforms)
        {
            if (!string.IsNullOrWhiteSpace(platform))
            {
                set.Add(Normalize(platform));
            }
        }

        return set;
    }
}
