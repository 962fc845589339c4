using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>A rule that threw while classifying a signal; the rule was skipped and classification went on.</summary>
public sealed class RuleFailure
{
    /// <summary>Creates a failure report.</summary>
    /// <param name="rule">The rule that threw.</param>
    /// <param name="signal">The signal it was evaluating.</param>
    /// <param name="exception">What it threw.</param>
    public RuleFailure(MappingRule rule, Signal signal, Exception exception)
    {
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        Signal = signal ?? throw new ArgumentNullException(nameof(signal));
        Exception = exception ?? throw new ArgumentNullException(nameof(exception));
    }

    /// <summary>Gets the rule that threw.</summary>
    public MappingRule Rule { get; }

    /// <summary>Gets the signal it was evaluating.</summary>
    public Signal Signal { get; }

    /// <summary>Gets what it threw.</summary>
    public Exception Exception { get; }

    /// <inheritdoc />
    public override string ToString() => $"Rule '{Rule.Id}' failed on {Signal.Origin}: {Exception.Message}";
}
