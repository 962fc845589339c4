using System.Text.RegularExpressions;
using AttackMap.Attack;

namespace AttackMap.CatalogGenerator;

/// <summary>
/// Carries the Azure and Entra ID log sources of an older release's analytics into a derived catalog that has no
/// analytics of its own, through the change table: an id the table does not list keeps its references, a revoked,
/// renamed or moved id passes them to its new id, a split technique (no single successor) passes none.
/// </summary>
public static class LogSourceCarryOver
{
    private static readonly Regex ChangeTableName = new(@"^attack-v(\d+)-to-v\d+\.tsv$", RegexOptions.CultureInvariant);

    /// <summary>The result: references per new technique id, and what was read and skipped.</summary>
    /// <param name="ByTechnique">The references per technique id of the derived catalog.</param>
    /// <param name="BundleName">The file name of the bundle the references come from.</param>
    /// <param name="Version">The version of that bundle.</param>
    /// <param name="Skipped">The old technique ids whose references were not carried (split techniques).</param>
    public sealed record Result(
        IReadOnlyDictionary<string, IReadOnlyList<AttackLogSourceReference>> ByTechnique,
        string BundleName,
        string Version,
        IReadOnlyList<string> Skipped);

    /// <summary>Builds the carried-over references, or returns <see langword="null"/> when the older bundle is not in the data folder.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="changeTablePath">The change table (<c>attack-v18-to-v19.tsv</c>).</param>
    /// <param name="changes">The change table, read.</param>
    /// <param name="derived">The derived catalog's techniques, by id.</param>
    /// <returns>The references, or <see langword="null"/>.</returns>
    public static Result? Build(string dataDirectory, string changeTablePath, TsvTable changes, IReadOnlyDictionary<string, Technique> derived)
    {
        var match = ChangeTableName.Match(Path.GetFileName(changeTablePath));
        if (!match.Success)
        {
            return null;
        }

        var bundlePath = Directory.GetFiles(dataDirectory, $"enterprise-attack-{match.Groups[1].Value}.*.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .LastOrDefault();
        if (bundlePath is null)
        {
            return null;
        }

        var old = AttackCatalog.Load(bundlePath);
        var rows = changes.Rows.GroupBy(r => r["old_id"], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byTechnique = new Dictionary<string, List<AttackLogSourceReference>>(StringComparer.Ordinal);
        var skipped = new List<string>();
        foreach (var technique in old.GetTechniques().Where(t => t.AzureLogSources.Count > 0))
        {
            var target = technique.Id;
            if (rows.TryGetValue(technique.Id, out var row))
            {
                if (row["change"].Split(',').Contains("split", StringComparer.Ordinal) || row["new_id"].Length == 0)
                {
                    skipped.Add(technique.Id);
                    continue;
                }

                target = row["new_id"];
            }

            if (!derived.TryGetValue(target, out var into) || !into.IsCurrent)
            {
                throw new InvalidDataException($"{Path.GetFileName(changeTablePath)}: {technique.Id} leads to {target}, which is not a current technique of the derived catalog.");
            }

            if (!byTechnique.TryGetValue(target, out var list))
            {
                byTechnique[target] = list = new List<AttackLogSourceReference>();
            }

            list.AddRange(technique.AzureLogSources.Select(r => target == technique.Id ? r : r with { SourceTechniqueId = technique.Id }));
        }

        return new Result(
            byTechnique.ToDictionary(p => p.Key, p => CatalogJsonWriter.Order(p.Value), StringComparer.Ordinal),
            Path.GetFileName(bundlePath),
            old.Version,
            skipped.OrderBy(id => id, StringComparer.Ordinal).ToArray());
    }
}
