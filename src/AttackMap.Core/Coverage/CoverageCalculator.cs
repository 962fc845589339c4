using AttackMap.Attack;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <summary>
/// Computes ATT&amp;CK coverage: for every current technique in the platform scope, whether rules over the enabled
/// log sources detect it directly, only through correlation, only with review, need a logging change, or need a rule.
/// Thread-safe; one instance can serve many calculations.
/// </summary>
/// <remarks>
/// A sub-technique's rules count toward its parent (the reason says "via T1098.003"), never the reverse.
/// A technique in several tactics is one row with a per-tactic view; rules that claim only some tactics
/// (<see cref="MappingRule.Tactics"/>) cover only those.
/// </remarks>
public sealed partial class CoverageCalculator
{
    private readonly IReadOnlyList<string> _platforms;
    private readonly HashSet<string> _platformSet;
    private readonly bool _includeSubTechniques;

    /// <summary>Creates a calculator.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults (Azure platforms, sub-techniques included).</param>
    /// <exception cref="ArgumentException">The platform scope is empty.</exception>
    public CoverageCalculator(CoverageOptions? options = null)
    {
        options ??= new CoverageOptions();
        _platforms = AttackPlatforms.NormalizeScope(options.Platforms ?? CoverageOptions.DefaultPlatforms);
        if (_platforms.Count == 0)
        {
            throw new ArgumentException("CoverageOptions.Platforms must name at least one ATT&CK platform, for example IaaS.", nameof(options));
        }

        _platformSet = new HashSet<string>(_platforms, StringComparer.OrdinalIgnoreCase);
        _includeSubTechniques = options.IncludeSubTechniques;
    }

    /// <summary>Gets the platform scope, with current ATT&amp;CK names (aliases such as <c>Azure AD</c> translated).</summary>
    public IReadOnlyList<string> Platforms => _platforms;

    /// <summary>Computes the coverage report.</summary>
    /// <param name="catalog">The ATT&amp;CK catalog.</param>
    /// <param name="rules">The rules (for example a rule registry's <c>Rules</c>); technique ids are resolved through revocations.</param>
    /// <param name="sources">Which log families and tables are enabled.</param>
    /// <param name="observed">Evidence actually observed, to count per technique; <see langword="null"/> when there is none.</param>
    /// <returns>The report.</returns>
    public CoverageReport Calculate(AttackCatalog catalog, IEnumerable<MappingRule> rules, LogSourceInventory sources, IEnumerable<Evidence>? observed = null)
    {
        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        if (sources is null)
        {
            throw new ArgumentNullException(nameof(sources));
        }

        var index = new CoverageRuleIndex(catalog, rules);
        var observedCounts = observed is null ? null : CountObserved(catalog, observed);
        var techniques = catalog.GetTechniques();
        var result = new List<TechniqueCoverage>(techniques.Count);
        var sourceCache = new Dictionary<LogFamily, CoverageSource>();
        foreach (var technique in techniques)
        {
            result.Add(Evaluate(catalog, technique, index, sources, observedCounts, sourceCache));
        }

        return new CoverageReport(catalog, _platforms, _includeSubTechniques, sources, index.RuleCount, result, index.Unresolved, observedCounts is not null);
    }

    private static Dictionary<string, int> CountObserved(AttackCatalog catalog, IEnumerable<Evidence> observed)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var evidence in observed)
        {
            var technique = evidence is null ? null : catalog.ResolveCurrent(evidence.Technique.Id);
            if (technique is not null)
            {
                counts[technique.Id] = counts.TryGetValue(technique.Id, out var count) ? count + 1 : 1;
            }
        }

        return counts;
    }

    private TechniqueCoverage Evaluate(
        AttackCatalog catalog, Technique technique, CoverageRuleIndex index, LogSourceInventory sources, Dictionary<string, int>? observed, Dictionary<LogFamily, CoverageSource> sourceCache)
    {
        var tactics = TacticsOf(catalog, technique);
        var subTechniques = technique.IsSubTechnique ? Array.Empty<Technique>() : catalog.GetSubTechniques(technique.Id);
        var rules = CollectRules(catalog, technique, subTechniques, tactics, index, sources);
        var families = rules.Select(r => r.Family).Distinct().OrderBy(f => f).Select(f => SourceOf(sourceCache, f, sources)).ToArray();
        var attackSources = AttackSourcesOf(technique, subTechniques, sources);
        int? observedCount = observed is null ? null : Observed(observed, technique.Id) + subTechniques.Sum(s => Observed(observed, s.Id));

        if (!IsInScope(technique))
        {
            var reason = CoverageReasons.OutOfScope(technique, _platforms, _includeSubTechniques, rules.Count);
            var outOfScope = tactics.Select(t => new TechniqueTacticCoverage(t, CoverageStatus.OutOfScope, reason, RuleIdsFor(rules, t))).ToArray();
            return new TechniqueCoverage(technique, CoverageStatus.OutOfScope, reason, rules, families, outOfScope, observedCount, attackSources);
        }

        // Rules decide first; only a technique no rule maps asks ATT&CK which log would show it.
        var noRule = CoverageReasons.NoRule(subTechniques.Count > 0);
        var (status, text) = rules.Count == 0
            ? AttackSourceReasons.Unmapped(subTechniques.Count > 0, attackSources)
            : CoverageReasons.Evaluate(rules, sources, noRule);
        var perTactic = new TechniqueTacticCoverage[tactics.Count];
        for (var i = 0; i < tactics.Count; i++)
        {
            var tactic = tactics[i];
            var claiming = rules.Where(r => r.ClaimedTactics.Contains(tactic.ShortName, StringComparer.OrdinalIgnoreCase)).ToArray();
            var tacticNoRule = rules.Count > 0 ? $"NeedsRule: no rule supports it under {tactic.Name} (its rules claim other tactics)" : noRule;
            var (tacticStatus, tacticReason) = claiming.Length == rules.Count ? (status, text) : CoverageReasons.Evaluate(claiming, sources, tacticNoRule);
            perTactic[i] = new TechniqueTacticCoverage(tactic, tacticStatus, tacticReason, claiming.Select(r => r.RuleId).ToArray());
        }

        return new TechniqueCoverage(technique, status, text, rules, families, perTactic, observedCount, attackSources);
    }

    /// <summary>The technique's own ATT&amp;CK log sources, then its sub-techniques' (which count toward it, like their rules).</summary>
    private static IReadOnlyList<AttackLogSourceCoverage> AttackSourcesOf(Technique technique, IReadOnlyList<Technique> subTechniques, LogSourceInventory sources)
    {
        if (technique.AzureLogSources.Count == 0 && subTechniques.All(s => s.AzureLogSources.Count == 0))
        {
            return Array.Empty<AttackLogSourceCoverage>();
        }

        var result = new List<AttackLogSourceCoverage>();
        result.AddRange(technique.AzureLogSources.Select(r => new AttackLogSourceCoverage(r, null, sources)));
        foreach (var sub in subTechniques)
        {
            result.AddRange(sub.AzureLogSources.Select(r => new AttackLogSourceCoverage(r, sub.Id, sources)));
        }

        return result.ToArray();
    }

    private static CoverageSource SourceOf(Dictionary<LogFamily, CoverageSource> cache, LogFamily family, LogSourceInventory sources)
    {
        if (!cache.TryGetValue(family, out var source))
        {
            cache[family] = source = new CoverageSource(family, sources);
        }

        return source;
    }

    private static int Observed(Dictionary<string, int> observed, string id) => observed.TryGetValue(id, out var count) ? count : 0;

    private static string[] RuleIdsFor(IReadOnlyList<CoverageRule> rules, Tactic tactic) =>
        rules.Where(r => r.ClaimedTactics.Contains(tactic.ShortName, StringComparer.OrdinalIgnoreCase)).Select(r => r.RuleId).ToArray();

    private static List<CoverageRule> CollectRules(
        AttackCatalog catalog, Technique technique, IReadOnlyList<Technique> subTechniques, IReadOnlyList<Tactic> tactics, CoverageRuleIndex index, LogSourceInventory sources)
    {
        var result = new List<CoverageRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = tactics.Select(t => t.ShortName).ToArray();
        foreach (var rule in index.GetRules(technique.Id))
        {
            seen.Add(rule.Id);
            result.Add(new CoverageRule(rule, technique.Id, null, sources.IsEnabled(rule.Family), ClaimedTactics(catalog, rule, all)));
        }

        foreach (var sub in subTechniques)
        {
            foreach (var rule in index.GetRules(sub.Id))
            {
                if (seen.Add(rule.Id))
                {
                    result.Add(new CoverageRule(rule, sub.Id, sub.Id, sources.IsEnabled(rule.Family), ClaimedTactics(catalog, rule, all)));
                }
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.RuleId, b.RuleId));
        return result;
    }

    private bool IsInScope(Technique technique)
    {
        if (technique.IsSubTechnique && !_includeSubTechniques)
        {
            return false;
        }

        foreach (var platform in technique.Platforms)
        {
            if (_platformSet.Contains(AttackPlatforms.Normalize(platform)))
            {
                return true;
            }
        }

        return false;
    }
}
