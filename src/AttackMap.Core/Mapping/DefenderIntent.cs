namespace AttackMap.Mapping;

/// <summary>
/// Translates the kill-chain intent Defender for Cloud publishes on alerts (<c>PreAttack</c>, <c>Probing</c>, <c>Exploitation</c>,
/// <c>DefenseEvasion</c>, ...) to ATT&amp;CK v19 tactic shortnames. The raw value stays on <see cref="Signals.DefenderAlert.Intent"/>.
/// </summary>
public static class DefenderIntent
{
    private static readonly Dictionary<string, string[]> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        // Defender's own stages that are not ATT&CK tactics.
        ["PreAttack"] = new[] { "reconnaissance" },
        ["Probing"] = new[] { "reconnaissance" },
        ["Exploitation"] = new[] { "initial-access" },
        ["Unknown"] = Array.Empty<string>(),

        // ATT&CK tactics as Defender spells them; defense evasion was split into two tactics in v19.
        ["Reconnaissance"] = new[] { "reconnaissance" },
        ["ResourceDevelopment"] = new[] { "resource-development" },
        ["InitialAccess"] = new[] { "initial-access" },
        ["Execution"] = new[] { "execution" },
        ["Persistence"] = new[] { "persistence" },
        ["PrivilegeEscalation"] = new[] { "privilege-escalation" },
        ["DefenseEvasion"] = new[] { "stealth", "defense-impairment" },
        ["Stealth"] = new[] { "stealth" },
        ["DefenseImpairment"] = new[] { "defense-impairment" },
        ["CredentialAccess"] = new[] { "credential-access" },
        ["Discovery"] = new[] { "discovery" },
        ["LateralMovement"] = new[] { "lateral-movement" },
        ["Collection"] = new[] { "collection" },
        ["CommandAndControl"] = new[] { "command-and-control" },
        ["Exfiltration"] = new[] { "exfiltration" },
        ["Impact"] = new[] { "impact" },
    };

    /// <summary>
    /// Translates an intent value (one or several, separated by commas; spaces and dashes in names are ignored,
    /// so <c>Defense Evasion</c> and <c>defense-evasion</c> work) to distinct tactic shortnames in ATT&amp;CK matrix order of first appearance.
    /// Unrecognised parts are skipped.
    /// </summary>
    /// <param name="intent">The raw intent, for example <c>PreAttack, Execution</c>.</param>
    /// <returns>The tactic shortnames; empty when nothing is recognised.</returns>
    public static IReadOnlyList<string> ToTactics(string? intent)
    {
        if (string.IsNullOrWhiteSpace(intent))
        {
            return Array.Empty<string>();
        }

        var result = new List<string>(2);
        foreach (var part in intent!.Split(new[] { ',', ';', '|' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var key = part.Replace(" ", string.Empty).Replace("-", string.Empty).Replace("_", string.Empty).Trim();
            if (Map.TryGetValue(key, out var tactics))
            {
                foreach (var tactic in tactics)
                {
                    if (!result.Contains(tactic, StringComparer.Ordinal))
                    {
                        result.Add(tactic);
                    }
                }
            }
        }

        return result;
    }
}
