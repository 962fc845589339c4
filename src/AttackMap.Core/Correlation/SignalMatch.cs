using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>
/// One way a signal can satisfy a <see cref="CorrelationStep"/>: a family, optional match keys, sources and conditions
/// (all of which must hold), and for code rules an optional predicate.
/// </summary>
public sealed class SignalMatch
{
    /// <summary>Creates a match on one family.</summary>
    /// <param name="family">The log family the signal must come from.</param>
    public SignalMatch(LogFamily family)
    {
        Family = family;
    }

    /// <summary>Gets the log family the signal must come from.</summary>
    public LogFamily Family { get; }

    /// <summary>Gets the field the keys are compared with; <see langword="null"/> means the signal's <see cref="Signal.MatchKey"/>.</summary>
    public string? MatchField { get; init; }

    /// <summary>Gets the accepted values of the match field (case-insensitive); empty accepts every signal of the family.</summary>
    public IReadOnlyList<string> Keys { get; init; } = Array.Empty<string>();

    /// <summary>Gets the accepted evidence sources; empty accepts every source of the family.</summary>
    public IReadOnlyList<SignalSource> Sources { get; init; } = Array.Empty<SignalSource>();

    /// <summary>Gets the conditions that must all hold (see each signal type's <c>GetFieldValue</c> for field names).</summary>
    public IReadOnlyList<RuleCondition> Conditions { get; init; } = Array.Empty<RuleCondition>();

    /// <summary>Gets an extra predicate for code rules; it must be thread-safe and free of side effects.</summary>
    public Func<Signal, bool>? Predicate { get; init; }

    /// <summary>
    /// Gets a field whose value replaces the rule's group-by key for signals matched here (for example
    /// <c>requestBody.properties.principalId</c> to key a role assignment by its assignee); compared case-insensitively.
    /// </summary>
    public string? KeyField { get; init; }

    /// <inheritdoc />
    public override string ToString() => Keys.Count == 0 ? Family.ToString() : $"{Family} [{string.Join(", ", Keys)}]";
}
