using System.Globalization;
using AttackMap.Attack;

namespace AttackMap.Correlation;

/// <summary>
/// Collects correlation rules (built-in, from JSON packs, or written in code) and builds an immutable
/// <see cref="CorrelationRuleSet"/>, validating every rule against an ATT&amp;CK catalog. Single use.
/// </summary>
public sealed class CorrelationRuleSetBuilder
{
    private readonly List<CorrelationRule> _rules = new();
    private readonly List<string> _errors = new();
    private bool _built;

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    public CorrelationRuleSetBuilder Add(CorrelationRule rule)
    {
        EnsureNotBuilt();
        _rules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));
        return this;
    }

    /// <summary>Adds rules.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>This builder.</returns>
    public CorrelationRuleSetBuilder AddRange(IEnumerable<CorrelationRule> rules)
    {
        foreach (var rule in rules ?? throw new ArgumentNullException(nameof(rules)))
        {
            Add(rule);
        }

        return this;
    }

    /// <summary>Adds the built-in correlations (see <c>docs/correlation-rules.md</c>).</summary>
    /// <returns>This builder.</returns>
    public CorrelationRuleSetBuilder AddBuiltIn() => AddRange(BuiltInCorrelations.Create());

    /// <summary>Adds the rules of a JSON correlation pack; format errors are reported by <see cref="Build"/>.</summary>
    /// <param name="json">The pack as JSON text.</param>
    /// <param name="location">The pack's file name or other label for error messages.</param>
    /// <returns>This builder.</returns>
    public CorrelationRuleSetBuilder AddPack(string json, string location)
    {
        EnsureNotBuilt();
        _rules.AddRange(CorrelationPackReader.Read(json ?? throw new ArgumentNullException(nameof(json)), location ?? "(pack)", _errors));
        return this;
    }

    /// <summary>Adds the rules of a JSON correlation pack read from a stream.</summary>
    /// <param name="json">The stream (UTF-8 JSON); it is read to the end and left open.</param>
    /// <param name="location">The pack's file name or other label for error messages.</param>
    /// <returns>This builder.</returns>
    public CorrelationRuleSetBuilder AddPack(Stream json, string location)
    {
        using var reader = new StreamReader(json ?? throw new ArgumentNullException(nameof(json)), System.Text.Encoding.UTF8, true, 4096, leaveOpen: true);
        return AddPack(reader.ReadToEnd(), location);
    }

    /// <summary>Validates the rules against <paramref name="catalog"/> and builds the rule set.</summary>
    /// <param name="catalog">The ATT&amp;CK catalog the technique ids are resolved against.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="CorrelationRuleException">A rule is invalid; the message lists every problem with its rule id.</exception>
    public CorrelationRuleSet Build(AttackCatalog catalog)
    {
        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        EnsureNotBuilt();
        _built = true;
        var errors = new List<string>(_errors);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var compiled = new List<CompiledRule>(_rules.Count);
        foreach (var rule in _rules)
        {
            var name = rule.Location is null ? $"'{rule.Id}'" : $"'{rule.Id}' ({rule.Location})";
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                errors.Add($"Rule {name}: the id is empty.");
            }
            else if (!ids.Add(rule.Id))
            {
                errors.Add($"Rule {name}: the id is used by another rule.");
            }

            CorrelationRuleValidator.Validate(rule, name, errors);
            var techniques = ResolveTechniques(rule, name, catalog, errors);
            var tactics = ResolveTactics(rule, name, techniques, catalog, errors);
            if (errors.Count == before)
            {
                compiled.Add(new CompiledRule(rule, compiled.Count, techniques, tactics));
            }
        }

        if (errors.Count > 0)
        {
            throw new CorrelationRuleException(errors);
        }

        return new CorrelationRuleSet(compiled, catalog.Version);
    }

    private static Technique[] ResolveTechniques(CorrelationRule rule, string name, AttackCatalog catalog, List<string> errors)
    {
        var techniques = new List<Technique>(rule.Techniques.Count);
        foreach (var id in rule.Techniques)
        {
            if (!catalog.TryGetTechnique(id, out var technique))
            {
                errors.Add($"Rule {name}: technique '{id}' is not in ATT&CK v{catalog.Version}.");
            }
            else if (!technique.IsCurrent)
            {
                var replacement = catalog.ResolveCurrent(id);
                errors.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "Rule {0}: technique '{1}' is {2} in ATT&CK v{3}{4}.",
                    name,
                    id,
                    technique.IsRevoked ? "revoked" : "deprecated",
                    catalog.Version,
                    replacement is null ? string.Empty : $"; use '{replacement.Id}' ({replacement.Name})"));
            }
            else if (!techniques.Contains(technique))
            {
                techniques.Add(technique);
            }
        }

        return techniques.ToArray();
    }

    private static string[] ResolveTactics(CorrelationRule rule, string name, IReadOnlyList<Technique> techniques, AttackCatalog catalog, List<string> errors)
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (rule.Tactics.Count > 0)
        {
            foreach (var tactic in rule.Tactics)
            {
                if (catalog.TryGetTactic(tactic, out var found))
                {
                    wanted.Add(found.ShortName);
                }
                else
                {
                    errors.Add($"Rule {name}: tactic '{tactic}' is not in ATT&CK v{catalog.Version}.");
                }
            }
        }
        else
        {
            foreach (var technique in techniques)
            {
                wanted.UnionWith(technique.Tactics);
            }
        }

        var ordered = new List<string>(wanted.Count);
        foreach (var tactic in catalog.Tactics)
        {
            if (wanted.Contains(tactic.ShortName))
            {
                ordered.Add(tactic.ShortName);
            }
        }

        return ordered.ToArray();
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built its rule set; create a new builder.");
        }
    }
}
