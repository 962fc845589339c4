using AttackMap.Attack;

namespace AttackMap.Correlation;

/// <summary>A validated rule with its techniques resolved and its per-step settings precomputed.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(CorrelationRule rule, int index, IReadOnlyList<Technique> techniques, IReadOnlyList<string> tactics)
    {
        Rule = rule;
        Index = index;
        Techniques = techniques;
        Tactics = tactics;
        WindowTicks = rule.Window.Ticks;
        LastStep = rule.Steps.Count - 1;
        var hasNewValue = false;
        foreach (var step in rule.Steps)
        {
            hasNewValue |= step.NewValueOf.Count > 0;
        }

        HasNewValueSteps = hasNewValue;
    }

    public CorrelationRule Rule { get; }

    public int Index { get; }

    public IReadOnlyList<Technique> Techniques { get; }

    public IReadOnlyList<string> Tactics { get; }

    public long WindowTicks { get; }

    public int LastStep { get; }

    public bool HasNewValueSteps { get; }
}
