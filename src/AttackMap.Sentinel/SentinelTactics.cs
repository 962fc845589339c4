using System.Text;
using AttackMap.Attack;

namespace AttackMap.Sentinel;

/// <summary>Sentinel's tactic names (<c>CredentialAccess</c>) as ATT&amp;CK shortnames, across ATT&amp;CK releases.</summary>
internal static class SentinelTactics
{
    // ATT&CK 19 split Defense Evasion (TA0005) into Stealth (TA0005, renamed) and Defense Impairment (TA0112); Sentinel
    // content still says DefenseEvasion. Claiming all three lets each catalog keep the ones it knows.
    private static readonly Dictionary<string, string[]> Successors = new(StringComparer.Ordinal)
    {
        ["defense-evasion"] = new[] { "stealth", "defense-impairment" },
    };

    /// <summary>The shortnames a Sentinel tactic stands for: its kebab-case form, then its successors in later releases.</summary>
    public static IEnumerable<string> ShortNames(string tactic)
    {
        var shortName = ShortName(tactic);
        yield return shortName;
        if (Successors.TryGetValue(shortName, out var successors))
        {
            foreach (var successor in successors)
            {
                yield return successor;
            }
        }
    }

    /// <summary>A note for a tactic <paramref name="catalog"/> does not have, or <see langword="null"/>.</summary>
    public static string? Note(string tactic, AttackCatalog catalog)
    {
        var shortName = ShortName(tactic);
        if (catalog.TryGetTactic(shortName, out _))
        {
            return null;
        }

        var known = ShortNames(tactic).Skip(1).Where(s => catalog.TryGetTactic(s, out _)).ToArray();
        return known.Length > 0
            ? $"tactic {tactic.Trim()} is not in ATT&CK {catalog.Version}, which split it: coverage counts it as {string.Join(" and ", known)}."
            : $"tactic {tactic.Trim()} is not in ATT&CK {catalog.Version}; coverage ignores it.";
    }

    /// <summary>Sentinel writes tactics in CamelCase (<c>CredentialAccess</c>); ATT&amp;CK shortnames are kebab-case (<c>credential-access</c>).</summary>
    private static string ShortName(string tactic)
    {
        var name = new StringBuilder(tactic.Length + 4);
        foreach (var c in tactic.Trim())
        {
            if (char.IsUpper(c) && name.Length > 0)
            {
                name.Append('-');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return name.ToString();
    }
}
