using System.Globalization;
using AttackMap.Attack;

namespace AttackMap.CatalogGenerator;

/// <summary>Builds a derived catalog (no STIX bundle) from MITRE's change notes turned into tables.</summary>
public static class DerivedCatalogBuilder
{
    /// <summary>
    /// Builds a derived catalog from <c>techniques-&lt;version&gt;-derived.tsv</c>, <c>tactics-&lt;version&gt;.tsv</c> and the
    /// change table <c>attack-v&lt;old&gt;-to-v&lt;major&gt;.tsv</c> (whose <c>split</c> rows give <see cref="Technique.SplitInto"/>).
    /// </summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="version">The version (<c>19.2</c>).</param>
    /// <param name="copyright">MITRE's copyright designation.</param>
    /// <returns>The catalog JSON.</returns>
    public static string Build(string dataDirectory, string version, string copyright)
    {
        var major = version.Split('.')[0];
        var techniquesTable = TsvTable.Read(Path.Combine(dataDirectory, $"techniques-{version}-derived.tsv"),
            "attack_id", "name", "tactics", "platforms", "deprecated", "revoked", "revoked_by_attack_id", "stix_id", "modified", "basis");
        var tacticsTable = TsvTable.Read(Path.Combine(dataDirectory, $"tactics-{version}.tsv"), "attack_id", "shortname", "name", "order");
        var changePath = Directory.GetFiles(dataDirectory, $"attack-v*-to-v{major}.tsv").OrderBy(p => p, StringComparer.Ordinal).Single();
        var changes = TsvTable.Read(changePath, "old_id", "new_id", "change");

        var tactics = tacticsTable.Rows
            .OrderBy(r => int.Parse(r["order"], CultureInfo.InvariantCulture))
            .Select((r, i) => new Tactic(r["attack_id"], r["shortname"], r["name"], i))
            .ToArray();
        var tacticOrder = tactics.ToDictionary(t => t.ShortName, t => t.Order, StringComparer.Ordinal);
        var splits = SplitTargets(changes);

        var techniques = techniquesTable.Rows.Select(r => new Technique
        {
            Id = r["attack_id"],
            Name = r["name"],
            Tactics = TsvTable.SplitList(r["tactics"])
                .OrderBy(t => tacticOrder.TryGetValue(t, out var o) ? o : int.MaxValue)
                .ToArray(),
            Platforms = TsvTable.SplitList(r["platforms"]),
            IsDeprecated = r["deprecated"] == "true",
            IsRevoked = r["revoked"] == "true",
            RevokedBy = r["revoked_by_attack_id"].Length > 0 ? r["revoked_by_attack_id"] : null,
            SplitInto = splits.TryGetValue(r["attack_id"], out var into) ? into : Array.Empty<string>(),
            StixId = r["stix_id"].Length > 0 ? r["stix_id"] : null,
            Modified = r["modified"].Length > 0
                ? DateTimeOffset.Parse(r["modified"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
                : null,
        }).ToArray();

        var carried = LogSourceCarryOver.Build(dataDirectory, changePath, changes, techniques.ToDictionary(t => t.Id, StringComparer.Ordinal));
        if (carried is not null)
        {
            techniques = techniques
                .Select(t => carried.ByTechnique.TryGetValue(t.Id, out var sources) ? t with { AzureLogSources = sources } : t)
                .ToArray();
        }

        var catalog = new AttackCatalog(version, tactics, techniques);
        Validate(catalog, techniquesTable.Name);
        var inferred = techniquesTable.Rows.Count(r => r["basis"].Contains("CEO fill", StringComparison.Ordinal));
        var noPlatforms = techniques.Count(t => t.IsCurrent && t.Platforms.Count == 0);
        var sources = new List<string>
        {
            techniquesTable.Name + " (technique ids, names, tactics, revocations after MITRE's v" + major + ".0 release notes, changelog and change layer; other values carried over from the previous release)",
            tacticsTable.Name + " (tactics in the matrix order of MITRE's v" + version + " matrix object)",
            changes.Name + " (change table; its split rows give splitInto" + (carried is null ? ")" : "; it carries the log sources over to the new ids)"),
        };
        if (carried is not null)
        {
            sources.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0} (logSources: the Azure and Entra ID log sources that MITRE's v{1} analytics name, {2} references on {3} techniques, carried over from v{1}; not carried: {4})",
                carried.BundleName,
                carried.Version,
                carried.ByTechnique.Values.Sum(l => l.Count),
                carried.ByTechnique.Count,
                carried.Skipped.Count == 0 ? "none" : string.Join(", ", carried.Skipped) + " (split, no single successor)"));
        }

        var header = new CatalogHeader
        {
            Version = version,
            Derived = true,
            Sources = sources,
            Description = string.Format(
                CultureInfo.InvariantCulture,
                "MITRE ATT&CK Enterprise v{0}, DERIVED from MITRE's change notes, not extracted from MITRE's v{0} STIX bundle. " +
                "Technique object versions are not recorded; modified is given only where it was seen; platforms of {1} new techniques were " +
                "inferred from their predecessors or names (not MITRE data) and {2} current techniques have none. " +
                "{3}Load MITRE's STIX bundle with AttackCatalog.Load when you have it.",
                version,
                inferred,
                noPlatforms,
                carried is null ? string.Empty : $"No v{major} analytics were available: the log sources (logSources) are v{carried.Version}'s, carried over to the v{major} ids. "),
            Copyright = copyright,
        };
        return CatalogJsonWriter.Write(header, catalog);
    }

    /// <summary>
    /// For every <c>split</c> row of the change table: the new ids of that technique and of its sub-techniques,
    /// distinct and ordered by id.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> SplitTargets(TsvTable changes)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var split in changes.Rows.Where(r => r["change"].Split(',').Contains("split", StringComparer.Ordinal)))
        {
            var oldId = split["old_id"];
            result[oldId] = changes.Rows
                .Where(r => r["old_id"] == oldId || r["old_id"].StartsWith(oldId + ".", StringComparison.Ordinal))
                .Select(r => r["new_id"])
                .Where(id => id.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();
        }

        return result;
    }

    private static void Validate(AttackCatalog catalog, string source)
    {
        foreach (var technique in catalog.GetTechniques(includeRevokedAndDeprecated: true))
        {
            var references = technique.SplitInto.Concat(technique.RevokedBy is null ? Array.Empty<string>() : new[] { technique.RevokedBy });
            foreach (var id in references)
            {
                if (!catalog.TryGetTechnique(id, out _))
                {
                    throw new InvalidDataException($"{source}: {technique.Id} refers to {id}, which is not in the table.");
                }
            }

            foreach (var tactic in technique.Tactics)
            {
                if (!catalog.TryGetTactic(tactic, out _))
                {
                    throw new InvalidDataException($"{source}: {technique.Id} has the unknown tactic '{tactic}'.");
                }
            }
        }
    }
}
