using AttackMap.Attack;

namespace AttackMap.Tests.Support;

/// <summary>
/// A small hand-made ATT&amp;CK v19.2 catalog with the techniques the correlation tests use (ids, names, tactics and
/// revoked flags checked against techniques-19.2-derived.tsv), plus two revoked v18 ids for negative tests.
/// </summary>
internal static class CorrelationTestCatalog
{
    public static AttackCatalog Create()
    {
        var tactics = new[]
        {
            new Tactic("TA0001", "initial-access", "Initial Access", 3),
            new Tactic("TA0002", "execution", "Execution", 4),
            new Tactic("TA0003", "persistence", "Persistence", 5),
            new Tactic("TA0004", "privilege-escalation", "Privilege Escalation", 6),
            new Tactic("TA0005", "stealth", "Stealth", 7),
            new Tactic("TA0112", "defense-impairment", "Defense Impairment", 8),
            new Tactic("TA0006", "credential-access", "Credential Access", 9),
        };
        var techniques = new[]
        {
            Technique("T1110", "Brute Force", "credential-access"),
            Technique("T1110.001", "Password Guessing", "credential-access"),
            Technique("T1110.003", "Password Spraying", "credential-access"),
            Technique("T1078", "Valid Accounts", "stealth", "persistence", "privilege-escalation", "initial-access"),
            Technique("T1078.004", "Cloud Accounts", "stealth", "persistence", "privilege-escalation", "initial-access"),
            Technique("T1621", "Multi-Factor Authentication Request Generation", "credential-access"),
            Technique("T1098", "Account Manipulation", "persistence", "privilege-escalation"),
            Technique("T1098.003", "Additional Cloud Roles", "persistence", "privilege-escalation"),
            Technique("T1685", "Disable or Modify Tools", "defense-impairment"),
            Technique("T1685.002", "Disable or Modify Cloud Log", "defense-impairment"),
            Technique("T1686", "Disable or Modify System Firewall", "defense-impairment"),
            Technique("T1686.001", "Cloud Firewall", "defense-impairment"),
            Technique("T1651", "Cloud Administration Command", "execution"),
            Technique("T1562", "Impair Defenses", "stealth") with { IsRevoked = true, RevokedBy = "T1685" },
            Technique("T1562.008", "Disable or Modify Cloud Logs", "stealth") with { IsRevoked = true, RevokedBy = "T1685.002" },
        };
        return new AttackCatalog("19.2", tactics, techniques, "hand-made test subset of ATT&CK v19.2");
    }

    private static Technique Technique(string id, string name, params string[] tactics) =>
        new() { Id = id, Name = name, Tactics = tactics, Platforms = new[] { "IaaS", "Identity Provider" } };
}
