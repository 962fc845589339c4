using AttackMap.Attack;

namespace AttackMap.Mapping;

/// <summary>
/// Collects rule packs and code rules, validates them against an ATT&amp;CK catalog and builds an immutable
/// <see cref="RuleRegistry"/>. A builder is used once: adding after <see cref="Build"/> throws.
/// </summary>
public sealed class RuleRegistryBuilder
{
    private readonly List<MappingRule> _rules = new();
    private Action<RuleFailure>? _onFailure;
    private bool _built;

    /// <summary>Gets the rules added so far, in the order added.</summary>
    public IReadOnlyList<MappingRule> Rules => _rules;

    /// <summary>Adds every rule of a pack.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>This builder.</returns>
    public RuleRegistryBuilder AddPack(RulePack pack)
    {
        EnsureNotBuilt();
        _rules.AddRange((pack ?? throw new ArgumentNullException(nameof(pack))).Rules);
        return this;
    }

    /// <summary>Adds the built-in Azure pack (<see cref="RulePack.BuiltIn"/>).</summary>
    /// <returns>This builder.</returns>
    public RuleRegistryBuilder AddBuiltInPack() => AddPack(RulePack.BuiltIn);

    /// <summary>Adds one rule: a data rule, or a code rule (a <see cref="MappingRule"/> subclass overriding <see cref="MappingRule.Matches"/>).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    public RuleRegistryBuilder Add(MappingRule rule)
    {
        EnsureNotBuilt();
        _rules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));
        return this;
    }

    /// <summary>Sets the callback told about rules that throw during classification (they are skipped, classification goes on).</summary>
    /// <param name="callback">The callback; it should not throw.</param>
    /// <returns>This builder.</returns>
    public RuleRegistryBuilder OnRuleFailure(Action<RuleFailure> callback)
    {
        EnsureNotBuilt();
        _onFailure = callback ?? throw new ArgumentNullException(nameof(callback));
        return this;
    }

    /// <summary>Validates the rules added so far without building; returns every problem, warnings included.</summary>
    /// <param name="catalog">The ATT&amp;CK catalog to check technique and tactic ids against.</param>
    /// <returns>The problems; empty when every rule is valid.</returns>
    public IReadOnlyList<RuleProblem> Validate(AttackCatalog catalog) =>
        RuleValidator.Validate(_rules, catalog ?? throw new ArgumentNullException(nameof(catalog)), out _);

    /// <summary>Validates every rule and builds the registry.</summary>
    /// <param name="catalog">The ATT&amp;CK catalog; evidence carries its technique objects.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="RuleValidationException">One or more rules have errors; the exception lists all of them.</exception>
    public RuleRegistry Build(AttackCatalog catalog)
    {
        EnsureNotBuilt();
        var problems = RuleValidator.Validate(_rules, catalog ?? throw new ArgumentNullException(nameof(catalog)), out var compiled);
        if (problems.Any(p => p.IsError))
        {
            throw new RuleValidationException(problems);
        }

        _built = true;
        return new RuleRegistry(catalog, compiled, problems, _onFailure);
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This RuleRegistryBuilder has already built a registry; create a new builder to build another.");
        }
    }
}
