namespace AttackMap.Correlation;

/// <summary>One alternative of one step of one rule, as the dispatcher offers it to a signal.</summary>
internal sealed class MatchTarget
{
    public MatchTarget(CompiledRule rule, int stepIndex, SignalMatch match, CompiledMatch compiled)
    {
        Rule = rule;
        StepIndex = stepIndex;
        Match = match;
        Compiled = compiled;
    }

    public CompiledRule Rule { get; }

    public int StepIndex { get; }

    public SignalMatch Match { get; }

    public CompiledMatch Compiled { get; }

    /// <summary>Orders targets by rule, then step, so per-signal processing is deterministic.</summary>
    public int Order => (Rule.Index << 8) | StepIndex;
}
