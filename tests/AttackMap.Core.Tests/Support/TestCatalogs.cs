using AttackMap.Attack;

namespace AttackMap.Tests.Support;

/// <summary>ATT&amp;CK catalogs for tests: a tiny hand-made one that runs everywhere, and v19.2 read from the shared TSV tables.</summary>
internal static class TestCatalogs
{
    private static readonly Lazy<AttackCatalog?> Shared = new(LoadShared);

    /// <summary>Gets ATT&amp;CK v19.2 built from ../shared/data/attack (null when the data is missing).</summary>
    public static AttackCatalog? V19FromSharedData => Shared.Value;

    /// <summary>Gets a dozen hand-made v19.2 techniques, with T1562.008 revoked by T1685.002 and T1108 deprecated.</summary>
    public static AttackCatalog Small { get; } = new(
        "19.2",
        new[]
        {
            new Tactic("TA0001", "initial-access", "Initial Access", 2),
            new Tactic("TA0003", "persistence", "Persistence", 4),
            new Tactic("TA0004", "privilege-escalation", "Privilege Escalation", 5),
            new Tactic("TA0005", "stealth", "Stealth", 6),
            new Tactic("TA0112", "defense-impairment", "Defense Impairment", 7),
            new Tactic("TA0006", "credential-access", "Credential Access", 8),
            new Tactic("TA0002", "execution", "Execution", 3),
            new Tactic("TA0040", "impact", "Impact", 14),
        },
        new[]
        {
            Technique("T1098", "Account Manipulation", "persistence", "privilege-escalation"),
            Technique("T1098.001", "Additional Cloud Credentials", "persistence", "privilege-escalation"),
            Technique("T1098.003", "Additional Cloud Roles", "persistence", "privilege-escalation"),
            Technique("T1078.004", "Cloud Accounts", "stealth", "persistence", "privilege-escalation", "initial-access"),
            Technique("T1110", "Brute Force", "credential-access"),
            Technique("T1110.003", "Password Spraying", "credential-access"),
            Technique("T1651", "Cloud Administration Command", "execution"),
            Technique("T1685", "Disable or Modify Tools", "defense-impairment"),
            Technique("T1685.002", "Disable or Modify Cloud Log", "defense-impairment"),
            Technique("T1686.001", "Cloud Firewall", "defense-impairment"),
            Technique("T1485", "Data Destruction", "impact"),
            new Technique { Id = "T1562.008", Name = "Disable or Modify Cloud Logs", Tactics = new[] { "stealth" }, IsRevoked = true, RevokedBy = "T1685.002" },
            new Technique { Id = "T1108", Name = "Redundant Access", Tactics = new[] { "persistence" }, IsDeprecated = true },
        },
        "hand-made test catalog");

    /// <summary>Builds a catalog holding exactly <paramref name="ids"/> as current techniques with no tactics (for dispatch tests).</summary>
    public static AttackCatalog Synthetic(IEnumerable<string> ids) =>
        new("19.2", Small.Tactics, ids.Distinct(StringComparer.OrdinalIgnoreCase).Select(id => new Technique { Id = id, Name = "Synthetic " + id }), "synthetic");

    private static Technique Technique(string id, string name, params string[] tactics) => new() { Id = id, Name = name, Tactics = tactics };

    private static AttackCatalog? LoadShared()
    {
        if (SharedData.Directory is null)
        {
            return null;
        }

        var tactics = ReadTsv(SharedData.PathOf("attack/tactics-19.2.tsv"))
            .Select(r => new Tactic(r["attack_id"], r["shortname"], r["name"], int.Parse(r["order"], System.Globalization.CultureInfo.InvariantCulture) - 1))
            .ToArray();
        var techniques = ReadTsv(SharedData.PathOf("attack/techniques-19.2-derived.tsv"))
            .Select(r => new Technique
            {
                Id = r["attack_id"],
                Name = r["name"],
                Tactics = Split(r["tactics"]),
                Platforms = Split(r["platforms"]),
                IsDeprecated = r["deprecated"] == "true",
                IsRevoked = r["revoked"] == "true",
                RevokedBy = string.IsNullOrEmpty(r["revoked_by_attack_id"]) ? null : r["revoked_by_attack_id"],
            })
            .ToArray();
        return new AttackCatalog("19.2", tactics, techniques, "test: derived from ../shared/data/attack TSV tables");
    }

    private static string[] Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<Dictionary<string, string>> ReadTsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? string.Empty).Split('\t');
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cells.Length ? cells[i] : string.Empty;
            }

            yield return row;
        }
    }
}
