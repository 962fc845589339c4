using System.Diagnostics.CodeAnalysis;
using AttackMap.Attack;

namespace AttackMap.Correlation;

/// <summary>
/// An immutable, validated set of correlation rules with their techniques resolved against one ATT&amp;CK catalog.
/// Build it with <see cref="CorrelationRuleSetBuilder"/>; thread-safe.
/// </summary>
public sealed class CorrelationRuleSet
{
    private readonly Dictionary<string, CorrelationRule> _byId;

    internal CorrelationRuleSet(IReadOnlyList<CompiledRule> compiled, string? attackVersion)
    {
        Compiled = compiled;
        AttackVersion = attackVersion;
        var rules = new CorrelationRule[compiled.Count];
        _byId = new Dictionary<string, CorrelationRule>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < compiled.Count; i++)
        {
            rules[i] = compiled[i].Rule;
            _byId[rules[i].Id] = rules[i];
        }

        Rules = rules;
        Dispatcher = new SignalDispatcher(compiled);
    }

    /// <summary>Gets an empty rule set.</summary>
    public static CorrelationRuleSet Empty { get; } = new(Array.Empty<CompiledRule>(), null);

    /// <summary>Gets the rules in the order they were added.</summary>
    public IReadOnlyList<CorrelationRule> Rules { get; }

    /// <summary>Gets the number of rules.</summary>
    public int Count => Rules.Count;

    /// <summary>Gets the version of the ATT&amp;CK catalog the techniques were resolved against.</summary>
    public string? AttackVersion { get; }

    internal IReadOnlyList<CompiledRule> Compiled { get; }

    internal SignalDispatcher Dispatcher { get; }

    /// <summary>Builds the built-in correlations against a catalog.</summary>
    /// <param name="catalog">The ATT&amp;CK catalog (v19.2 or later).</param>
    /// <returns>The built-in rule set.</returns>
    public static CorrelationRuleSet BuiltIn(AttackCatalog catalog) => new CorrelationRuleSetBuilder().AddBuiltIn().Build(catalog);

    /// <summary>Looks a rule up by id (case-insensitive).</summary>
    /// <param name="id">The rule id.</param>
    /// <param name="rule">The rule, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetRule(string id, [NotNullWhen(true)] out CorrelationRule? rule)
    {
        rule = null;
        return id is not null && _byId.TryGetValue(id, out rule);
    }

    /// <summary>Describes the rules, one line each, for tools and tests.</summary>
    /// <returns>The description lines.</returns>
    public IReadOnlyList<string> Describe()
    {
        var lines = new string[Rules.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Rules[i].ToString();
        }

        return lines;
    }
}
