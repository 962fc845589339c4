using AttackMap.Attack;

namespace AttackMap.Mapping;

/// <summary>A validated rule with its techniques and evidence tactics resolved once, so classification does no lookups.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(MappingRule rule, int fieldIndex, Technique[] techniques, IReadOnlyList<string>[] tactics, string[] keys)
    {
        Rule = rule;
        FieldIndex = fieldIndex;
        Techniques = techniques;
        Tactics = tactics;
        Keys = keys;
        KeySet = new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
    }

    public MappingRule Rule { get; }

    /// <summary>Gets the index of the dispatch field in <see cref="RuleFields.GetFields"/>.</summary>
    public int FieldIndex { get; }

    /// <summary>Gets the resolved, current techniques.</summary>
    public Technique[] Techniques { get; }

    /// <summary>Gets the evidence tactics of each technique, aligned with <see cref="Techniques"/>.</summary>
    public IReadOnlyList<string>[] Tactics { get; }

    /// <summary>Gets the normalized keys (trailing blanks removed), empty for a family-wide rule.</summary>
    public string[] Keys { get; }

    public HashSet<string> KeySet { get; }

    /// <summary>Gets a value indicating whether something other than the key can tell this rule apart (conditions or code).</summary>
    public bool HasDiscriminator => Rule.Conditions.Count > 0 || Rule.GetType() != typeof(MappingRule);
}
