using AttackMap.Mapping;

namespace AttackMap.Correlation;

/// <summary>
/// A named correlation: signals grouped by a key, inside a time window, that satisfy a set of steps (in order or in any
/// order) with count thresholds, and the techniques, kind and rationale of the resulting <see cref="Finding"/>.
/// Data-driven rules come from correlation packs; code rules are built the same way and may add
/// <see cref="SignalMatch.Predicate"/> delegates.
/// </summary>
public sealed class CorrelationRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">A stable, unique id (for example <c>correlation.password-spraying</c>).</param>
    /// <param name="window">The time window every contributing record must fit in.</param>
    /// <param name="steps">The steps; at least one.</param>
    /// <param name="techniques">The technique ids of the finding (may be empty when the finding only links records that are mapped on their own).</param>
    /// <param name="kind">The evidence kind of the finding.</param>
    /// <param name="rationale">Why the pattern supports the techniques; required.</param>
    public CorrelationRule(string id, TimeSpan window, IReadOnlyList<CorrelationStep> steps, IReadOnlyList<string> techniques, EvidenceKind kind, string rationale)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Window = window;
        Steps = steps ?? throw new ArgumentNullException(nameof(steps));
        Techniques = techniques ?? throw new ArgumentNullException(nameof(techniques));
        Kind = kind;
        Rationale = rationale ?? throw new ArgumentNullException(nameof(rationale));
    }

    /// <summary>Gets the rule id.</summary>
    public string Id { get; }

    /// <summary>Gets the display name; defaults to the id.</summary>
    public string? Name { get; init; }

    /// <summary>Gets a longer description of the pattern.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the key signals are grouped by, unless a <see cref="SignalMatch.KeyField"/> overrides it.</summary>
    /// <value>The default value is <see cref="CorrelationKey.Principal"/>.</value>
    public CorrelationKey GroupBy { get; init; } = CorrelationKey.Principal;

    /// <summary>Gets the time window every contributing record must fit in.</summary>
    public TimeSpan Window { get; }

    /// <summary>Gets a value indicating whether the steps must be satisfied in order (by event time).</summary>
    public bool Ordered { get; init; }

    /// <summary>Gets the steps.</summary>
    public IReadOnlyList<CorrelationStep> Steps { get; }

    /// <summary>Gets the technique ids of the finding.</summary>
    public IReadOnlyList<string> Techniques { get; }

    /// <summary>Gets the tactic shortnames the finding claims; empty means the techniques' own tactics.</summary>
    public IReadOnlyList<string> Tactics { get; init; } = Array.Empty<string>();

    /// <summary>Gets the evidence kind of the finding.</summary>
    public EvidenceKind Kind { get; }

    /// <summary>Gets why the pattern supports the techniques.</summary>
    public string Rationale { get; }

    /// <summary>Gets references (documentation, Sentinel rules) that back the correlation.</summary>
    public IReadOnlyList<string> References { get; init; } = Array.Empty<string>();

    /// <summary>Gets the ATT&amp;CK version the rule was written against (for example <c>19.2</c>).</summary>
    public string? AttackVersion { get; init; }

    /// <summary>Gets where the rule was defined (pack and JSON path), for error messages.</summary>
    public string? Location { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} (by {GroupBy} in {Window}, {Steps.Count} step(s) -> {string.Join(", ", Techniques)}, {Kind})";
}
