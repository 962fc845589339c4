using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Mapping;

namespace AttackMap.Export;

/// <summary>
/// Writes the mapping rules as a Microsoft Sentinel watchlist CSV (RFC 4180, UTF-8 without BOM, <c>\n</c> line ends), one row per rule key:
/// <c>SearchKey,Family,Tables,Techniques,Tactics,Kind,RuleId,Rationale,Conditions,SearchKeyUpper</c>.
/// </summary>
/// <remarks>
/// <c>SearchKey</c> is the value the rule matches (operation name, alert type, audit activity, result code or risk type), as the rule spells it;
/// <c>SearchKeyUpper</c> is the same key upper-cased (invariant culture), so a case-sensitive KQL join can use
/// <c>on $left.SearchKeyUpper == $right.OperationNameUpper</c> after <c>extend OperationNameUpper = toupper(OperationNameValue)</c>.
/// <c>Conditions</c> holds the rule's other conditions as text, joined with <c> and </c> (for example <c>riskLevelDuringSignIn equals high</c>;
/// values compare case-insensitively); it is empty when the key alone decides. A row whose <c>Conditions</c> is not empty must not be applied on
/// the key alone. Keys are not unique: one row per rule and key, so several rules sharing a key give several rows. A rule without keys (it reads
/// every signal of its family) gets one row with an empty <c>SearchKey</c>. Techniques are resolved to their current ids when the catalog knows them; tactics
/// are the rule's own, else the techniques' tactics in matrix order. Rows are ordered by key, then rule id; lists inside a field are joined with <c>; </c>.
/// </remarks>
public sealed class SentinelWatchlistExporter
{
    /// <summary>Gets the header row's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = Array.AsReadOnly(new[]
    {
        "SearchKey", "Family", "Tables", "Techniques", "Tactics", "Kind", "RuleId", "Rationale", "Conditions", "SearchKeyUpper",
    });

    /// <summary>Writes the watchlist to a stream. The stream is left open.</summary>
    /// <param name="rules">The mapping rules (for example <see cref="RuleRegistry.Rules"/>).</param>
    /// <param name="catalog">The catalog used to resolve technique ids and tactics.</param>
    /// <param name="output">The stream to write to.</param>
    public void Write(IEnumerable<MappingRule> rules, AttackCatalog catalog, Stream output)
    {
        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        var rows = new List<string[]>();
        foreach (var rule in rules)
        {
            var techniques = rule.Techniques.Select(id => catalog.ResolveCurrent(id)?.Id ?? id).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var fields = new[]
            {
                rule.Family.ToString(),
                string.Join("; ", LogSourceTables.GetTables(rule.Family)),
                string.Join("; ", techniques),
                string.Join("; ", Tactics(rule, techniques, catalog)),
                rule.Kind.ToString(),
                rule.Id,
                rule.Rationale,
                ConditionText.Describe(rule.Conditions),
            };
            var keys = rule.Keys.Count == 0 ? new[] { string.Empty } : rule.Keys.Distinct(StringComparer.OrdinalIgnoreCase);
            rows.AddRange(keys.Select(key => new[] { key }.Concat(fields).Concat(new[] { key.ToUpperInvariant() }).ToArray()));
        }

        var csv = new CsvWriter();
        csv.WriteRow(Columns.ToArray());
        foreach (var row in rows
            .OrderBy(r => r[0], StringComparer.OrdinalIgnoreCase).ThenBy(r => r[0], StringComparer.Ordinal)
            .ThenBy(r => r[6], StringComparer.Ordinal).ThenBy(r => r[3], StringComparer.Ordinal).ThenBy(r => r[8], StringComparer.Ordinal))
        {
            csv.WriteRow(row);
        }

        csv.WriteTo(output);
    }

    /// <summary>Renders the watchlist as a CSV string.</summary>
    /// <param name="rules">The mapping rules.</param>
    /// <param name="catalog">The catalog used to resolve technique ids and tactics.</param>
    /// <returns>The CSV.</returns>
    public string ToCsv(IEnumerable<MappingRule> rules, AttackCatalog catalog) => ExportStreams.ToText(buffer => Write(rules, catalog, buffer));

    private static IEnumerable<string> Tactics(MappingRule rule, IReadOnlyList<string> techniques, AttackCatalog catalog)
    {
        if (rule.Tactics.Count > 0)
        {
            return rule.Tactics;
        }

        var claimed = new HashSet<string>(
            techniques.SelectMany(id => catalog.TryGetTechnique(id, out var t) ? t.Tactics : Array.Empty<string>()),
            StringComparer.OrdinalIgnoreCase);
        return catalog.Tactics.Select(t => t.ShortName).Where(claimed.Contains);
    }
}
