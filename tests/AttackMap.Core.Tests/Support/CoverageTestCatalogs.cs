using AttackMap.Attack;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Tests.Support;

/// <summary>Catalogs and rules for the coverage and export tests: a small hand-made v19-shaped catalog, and the derived v19.2 TSV.</summary>
internal static class CoverageTestCatalogs
{
    public static readonly string[] Azure = { "IaaS", "Identity Provider", "SaaS", "Office Suite" };

    /// <summary>A small catalog with real v19.2 ids, names, tactics and platforms (trimmed).</summary>
    public static AttackCatalog Small()
    {
        var tactics = new[]
        {
            new Tactic("TA0001", "initial-access", "Initial Access", 2),
            new Tactic("TA0003", "persistence", "Persistence", 4),
            new Tactic("TA0004", "privilege-escalation", "Privilege Escalation", 5),
            new Tactic("TA0005", "stealth", "Stealth", 6),
            new Tactic("TA0112", "defense-impairment", "Defense Impairment", 7),
            new Tactic("TA0006", "credential-access", "Credential Access", 8),
            new Tactic("TA0040", "impact", "Impact", 14),
        };
        var techniques = new[]
        {
            T("T1078", "Valid Accounts", new[] { "initial-access", "persistence", "privilege-escalation", "stealth" }, "Windows", "IaaS", "Identity Provider", "SaaS", "Office Suite", "Linux"),
            T("T1078.004", "Cloud Accounts", new[] { "initial-access", "persistence", "privilege-escalation", "stealth" }, Azure),
            T("T1098", "Account Manipulation", new[] { "persistence", "privilege-escalation" }, "Windows", "IaaS", "Identity Provider", "SaaS", "Office Suite"),
            T("T1098.001", "Additional Cloud Credentials", new[] { "persistence", "privilege-escalation" }, "IaaS", "Identity Provider", "SaaS"),
            T("T1098.003", "Additional Cloud Roles", new[] { "persistence", "privilege-escalation" }, Azure),
            T("T1110", "Brute Force", new[] { "credential-access" }, "Windows", "IaaS", "Identity Provider", "SaaS", "Office Suite", "Linux"),
            T("T1110.003", "Password Spraying", new[] { "credential-access" }, "Windows", "IaaS", "Identity Provider", "SaaS", "Office Suite", "Linux"),
            T("T1003", "OS Credential Dumping", new[] { "credential-access" }, "Linux", "macOS", "Windows"),
            T("T1621", "Multi-Factor Authentication Request Generation", new[] { "credential-access" }, "Windows", "Identity Provider", "SaaS", "Office Suite", "IaaS"),
            T("T1685", "Disable or Modify Tools", new[] { "defense-impairment" }, "Windows", "IaaS", "Linux", "Containers"),
            T("T1685.002", "Disable or Modify Cloud Log", new[] { "defense-impairment" }, "IaaS", "Identity Provider", "Office Suite", "SaaS"),
            T("T1485", "Data Destruction", new[] { "impact" }, "IaaS", "Windows", "Linux"),
            new Technique { Id = "T1562.008", Name = "Disable or Modify Cloud Logs", IsRevoked = true, RevokedBy = "T1685.002" },
            new Technique { Id = "T1108", Name = "Redundant Access", IsDeprecated = true, Tactics = new[] { "persistence" }, Platforms = Azure },
        };
        return new AttackCatalog("19.2", tactics, techniques, "hand-made test catalog");
    }

    public static MappingRule Rule(string id, LogFamily family, EvidenceKind kind, params string[] techniques) =>
        new(id, family, techniques, kind, "Test rationale for " + id + ".");

    public static Evidence Observed(AttackCatalog catalog, MappingRule rule, string techniqueId)
    {
        var signal = new EntraSignIn(new SignalOrigin("fixture.json", 0), SignInKind.UserInteractive, "50126")
        {
            UserPrincipalName = "avery.quinn@contoso-lab.example",
            Table = "SigninLogs",
        };
        var technique = catalog.GetTechnique(techniqueId);
        return new Evidence(signal, rule, technique, technique.Tactics);
    }

    /// <summary>Gets the derived v19.2 catalog read from the shared TSV files (see <see cref="TestCatalogs.V19FromSharedData"/>).</summary>
    public static AttackCatalog FromSharedTsv() =>
        TestCatalogs.V19FromSharedData ?? throw new InvalidOperationException(SharedData.SkipReason);

    /// <summary>Reads a TSV file with a header row into one dictionary per row.</summary>
    public static List<Dictionary<string, string>> ReadTsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        return lines.Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(cells => header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : string.Empty)).ToDictionary(p => p.h, p => p.v, StringComparer.Ordinal))
            .ToList();
    }

    private static Technique T(string id, string name, string[] tactics, params string[] platforms) =>
        new() { Id = id, Name = name, Tactics = tactics, Platforms = platforms };
}
