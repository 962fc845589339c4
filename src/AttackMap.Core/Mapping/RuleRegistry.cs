using System.Diagnostics.CodeAnalysis;
using AttackMap.Attack;
using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>
/// An immutable, thread-safe set of validated mapping rules that classifies signals into <see cref="Evidence"/>.
/// Rules are dispatched by family and key through case-insensitive dictionaries; unmatched signals allocate nothing.
/// Build one with <see cref="RuleRegistryBuilder"/>.
/// </summary>
public sealed class RuleRegistry
{
    private static readonly Evidence[] NoEvidence = Array.Empty<Evidence>();

    private readonly RuleLookup[] _lookups;
    private readonly CompiledRule[][] _familyWide;
    private readonly MappingRule[][] _rulesByFamily;
    private readonly Dictionary<string, MappingRule> _byId;
    private readonly Action<RuleFailure>? _onFailure;

    internal RuleRegistry(AttackCatalog catalog, IReadOnlyList<CompiledRule> rules, IReadOnlyList<RuleProblem> warnings, Action<RuleFailure>? onFailure)
    {
        Catalog = catalog;
        Warnings = warnings;
        _onFailure = onFailure;
        var ordered = rules.OrderBy(r => r.Rule.Id, StringComparer.Ordinal).ToArray();
        Rules = ordered.Select(r => r.Rule).ToArray();
        _byId = Rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        _lookups = new RuleLookup[RuleFields.FamilyCount * RuleFields.MaxFieldsPerFamily];
        _familyWide = new CompiledRule[RuleFields.FamilyCount][];
        _rulesByFamily = new MappingRule[RuleFields.FamilyCount][];
        for (var family = 0; family < RuleFields.FamilyCount; family++)
        {
            var ofFamily = ordered.Where(r => (int)r.Rule.Family == family).ToArray();
            _rulesByFamily[family] = ofFamily.Select(r => r.Rule).ToArray();
            _familyWide[family] = ofFamily.Where(r => r.Keys.Length == 0).ToArray();
            for (var field = 0; field < RuleFields.MaxFieldsPerFamily; field++)
            {
                var index = field;
                var entries = ofFamily.Where(r => r.FieldIndex == index)
                    .SelectMany(r => r.Keys.Select(k => (Key: k, Rule: r)))
                    .GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase)
                    .Select(g => new KeyValuePair<string, CompiledRule[]>(g.Key, g.Select(e => e.Rule).ToArray()));
                _lookups[(family * RuleFields.MaxFieldsPerFamily) + field] = new RuleLookup(entries);
            }
        }
    }

    /// <summary>Gets an empty registry: every signal is unmatched.</summary>
    public static RuleRegistry Empty { get; } = new(
        new AttackCatalog("0", Array.Empty<Tactic>(), Array.Empty<Technique>(), "empty"), Array.Empty<CompiledRule>(), Array.Empty<RuleProblem>(), null);

    /// <summary>Gets the ATT&amp;CK catalog the rules were validated and resolved against.</summary>
    public AttackCatalog Catalog { get; }

    /// <summary>Gets every rule, ordered by id.</summary>
    public IReadOnlyList<MappingRule> Rules { get; }

    /// <summary>Gets the warnings found while building (for example conflicting rules for the same key).</summary>
    public IReadOnlyList<RuleProblem> Warnings { get; }

    /// <summary>Looks a rule up by id (case-insensitive).</summary>
    /// <param name="id">The rule id.</param>
    /// <param name="rule">The rule, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetRule(string id, [NotNullWhen(true)] out MappingRule? rule)
    {
        rule = null;
        return id is not null && _byId.TryGetValue(id, out rule);
    }

    /// <summary>Gets the rules of one family, ordered by id.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The rules.</returns>
    public IReadOnlyList<MappingRule> GetRules(LogFamily family) =>
        (int)family >= 0 && (int)family < _rulesByFamily.Length ? _rulesByFamily[(int)family] : Array.Empty<MappingRule>();

    /// <summary>Classifies a signal.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The evidence, in a stable order; a shared empty list when no rule matched.</returns>
    public IReadOnlyList<Evidence> Classify(Signal signal)
    {
        List<Evidence>? list = null;
        Run(signal ?? throw new ArgumentNullException(nameof(signal)), null, ref list);
        return list is null ? NoEvidence : list;
    }

    /// <summary>Classifies a signal into a caller-supplied collection (no allocation beyond the evidence itself).</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="output">The collection the evidence is added to.</param>
    /// <returns>The number of evidence items added.</returns>
    public int Classify(Signal signal, ICollection<Evidence> output)
    {
        List<Evidence>? unused = null;
        return Run(signal ?? throw new ArgumentNullException(nameof(signal)), output ?? throw new ArgumentNullException(nameof(output)), ref unused);
    }

    /// <summary>Describes the registry: rule counts per family and evidence kind.</summary>
    /// <returns>A plain-text summary.</returns>
    public string Describe() => RuleRegistrySummary.Describe(this);

    /// <inheritdoc />
    public override string ToString() => $"RuleRegistry ({Rules.Count} rules, ATT&CK v{Catalog.Version})";

    private int Run(Signal signal, ICollection<Evidence>? output, ref List<Evidence>? list)
    {
        var family = (int)signal.Family;
        if (family < 0 || family >= RuleFields.FamilyCount)
        {
            return 0;
        }

        var baseIndex = family * RuleFields.MaxFieldsPerFamily;
        var added = Apply(signal, _lookups[baseIndex].Find(signal.MatchKey), output, ref list);
        if (signal is EntraSignIn signIn)
        {
            added += Apply(signal, _lookups[baseIndex + 1].Find(signIn.ClientAppUsed), output, ref list);
            var riskLookup = _lookups[baseIndex + 2];
            var riskTypes = signIn.RiskEventTypes;
            for (var i = 0; i < riskTypes.Count; i++)
            {
                added += ApplyRiskType(signal, riskLookup.Find(riskTypes[i]), riskTypes, i, output, ref list);
            }
        }

        return added + Apply(signal, _familyWide[family], output, ref list);
    }

    private int ApplyRiskType(Signal signal, CompiledRule[]? rules, IReadOnlyList<string> riskTypes, int position, ICollection<Evidence>? output, ref List<Evidence>? list)
    {
        if (rules is null)
        {
            return 0;
        }

        var added = 0;
        foreach (var rule in rules)
        {
            // A rule keyed on several risk types fires once per sign-in, at the first type it knows.
            if (!FiredEarlier(rule, riskTypes, position))
            {
                added += Evaluate(signal, rule, output, ref list);
            }
        }

        return added;
    }

    /// <summary>
    /// For a Defender alert whose rule states no tactics, keeps the technique's tactics that the alert's intent names
    /// (translated by <see cref="DefenderIntent"/>); when the intent names none of them, the technique's tactics stay.
    /// </summary>
    private static IReadOnlyList<string> NarrowByIntent(string intent, IReadOnlyList<string> tactics)
    {
        var stated = DefenderIntent.ToTactics(intent);
        if (stated.Count == 0)
        {
            return tactics;
        }

        var narrowed = tactics.Where(t => stated.Contains(t, StringComparer.OrdinalIgnoreCase)).ToArray();
        return narrowed.Length == 0 ? tactics : narrowed;
    }

    private static bool FiredEarlier(CompiledRule rule, IReadOnlyList<string> riskTypes, int position)
    {
        for (var j = 0; j < position; j++)
        {
            var earlier = riskTypes[j];
            if (earlier is not null && rule.KeySet.Contains(earlier.Length > 0 && char.IsWhiteSpace(earlier[earlier.Length - 1]) ? earlier.TrimEnd() : earlier))
            {
                return true;
            }
        }

        return false;
    }

    private int Apply(Signal signal, CompiledRule[]? rules, ICollection<Evidence>? output, ref List<Evidence>? list)
    {
        if (rules is null)
        {
            return 0;
        }

        var added = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            added += Evaluate(signal, rules[i], output, ref list);
        }

        return added;
    }

    private int Evaluate(Signal signal, CompiledRule rule, ICollection<Evidence>? output, ref List<Evidence>? list)
    {
        bool matched;
        try
        {
            matched = rule.Rule.Matches(signal);
        }
#pragma warning disable CA1031 // A faulty rule must not stop classification; the failure is reported to the callback.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            _onFailure?.Invoke(new RuleFailure(rule.Rule, signal, ex));
            return 0;
        }

        if (!matched)
        {
            return 0;
        }

        var techniques = rule.Techniques;
        for (var t = 0; t < techniques.Length; t++)
        {
            var tactics = rule.Tactics[t];
            if (signal is DefenderAlert { Intent: not null } alert && tactics.Count > 1 && rule.Rule.Tactics.Count == 0)
            {
                tactics = NarrowByIntent(alert.Intent!, tactics);
            }

            var evidence = new Evidence(signal, rule.Rule, techniques[t], tactics);
            if (output is not null)
            {
                output.Add(evidence);
            }
            else
            {
                (list ??= new List<Evidence>(4)).Add(evidence);
            }
        }

        return techniques.Length;
    }
}
