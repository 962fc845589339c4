using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>
/// A mapping from signals of one family to ATT&amp;CK techniques, with the evidence kind and the reason.
/// Data-driven rules come from rule packs; code rules derive from this class and override <see cref="Matches"/>.
/// </summary>
/// <remarks>
/// The registry dispatches on <see cref="Family"/> and <see cref="Keys"/> (compared case-insensitively against
/// <see cref="MatchField"/>), then asks <see cref="Matches"/>. A rule with no keys is offered every signal of its family.
/// </remarks>
public class MappingRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">A stable, unique id (for example <c>azure-activity.role-assignment-write</c>).</param>
    /// <param name="family">The log family the rule reads.</param>
    /// <param name="techniques">The technique ids the rule maps to.</param>
    /// <param name="kind">The evidence kind.</param>
    /// <param name="rationale">Why the signal supports the techniques; required.</param>
    public MappingRule(string id, LogFamily family, IReadOnlyList<string> techniques, EvidenceKind kind, string rationale)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Family = family;
        Techniques = techniques ?? throw new ArgumentNullException(nameof(techniques));
        Kind = kind;
        Rationale = rationale ?? throw new ArgumentNullException(nameof(rationale));
    }

    /// <summary>Gets the rule id.</summary>
    public string Id { get; }

    /// <summary>Gets the log family the rule reads.</summary>
    public LogFamily Family { get; }

    /// <summary>Gets the technique ids the rule maps to.</summary>
    public IReadOnlyList<string> Techniques { get; }

    /// <summary>Gets the evidence kind.</summary>
    public EvidenceKind Kind { get; }

    /// <summary>Gets why the signal supports the techniques.</summary>
    public string Rationale { get; }

    /// <summary>Gets the field the keys are compared with; <see langword="null"/> means the signal's <see cref="Signal.MatchKey"/>.</summary>
    public string? MatchField { get; init; }

    /// <summary>Gets the values of <see cref="MatchField"/> the rule applies to (case-insensitive); empty means every signal of the family.</summary>
    public IReadOnlyList<string> Keys { get; init; } = Array.Empty<string>();

    /// <summary>Gets the conditions that must all hold on top of the key.</summary>
    public IReadOnlyList<RuleCondition> Conditions { get; init; } = Array.Empty<RuleCondition>();

    /// <summary>Gets the tactic shortnames the rule claims; empty means the techniques' own tactics.</summary>
    public IReadOnlyList<string> Tactics { get; init; } = Array.Empty<string>();

    /// <summary>Gets references (documentation, Sentinel rules) that back the mapping.</summary>
    public IReadOnlyList<string> References { get; init; } = Array.Empty<string>();

    /// <summary>Gets the date the mapping was last reviewed.</summary>
    public DateTimeOffset? LastReviewed { get; init; }

    /// <summary>Gets the ATT&amp;CK version the rule was written against (for example <c>19.2</c>).</summary>
    public string? AttackVersion { get; init; }

    /// <summary>Gets where the rule was defined (pack file and JSON path), for error messages.</summary>
    public string? Location { get; init; }

    /// <summary>Gets why the rule states a kind other than the default policy for its source; required in that case.</summary>
    public string? KindReason { get; init; }

    /// <summary>Gets the id of the rule pack the rule came from, or <see langword="null"/> for a rule added in code.</summary>
    public string? PackId { get; init; }

    /// <summary>
    /// Gets a name for people, shown beside <see cref="Id"/> in reports (an imported Sentinel rule's display name, a pack
    /// rule's <c>name</c>); <see langword="null"/> when the id says enough.
    /// </summary>
    public string? DisplayName { get; init; }

    /// <summary>Decides whether the rule applies to a signal whose key already matched. The default checks <see cref="Conditions"/>.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns><see langword="true"/> when the rule applies.</returns>
    public virtual bool Matches(Signal signal)
    {
        var conditions = Conditions;
        for (var i = 0; i < conditions.Count; i++)
        {
            if (!conditions[i].IsSatisfiedBy(signal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Family} -> {string.Join(", ", Techniques)}, {Kind})";
}
