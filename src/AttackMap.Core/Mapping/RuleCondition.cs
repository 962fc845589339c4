using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>A condition on one field of a signal (see each signal type's <c>GetFieldValue</c> for the field names).</summary>
public sealed record RuleCondition
{
    /// <summary>Creates a condition.</summary>
    /// <param name="field">The field name or dotted path.</param>
    /// <param name="operator">How to compare.</param>
    /// <param name="values">The values to compare with (none for <see cref="ConditionOperator.Exists"/> and <see cref="ConditionOperator.NotExists"/>).</param>
    public RuleCondition(string field, ConditionOperator @operator, IReadOnlyList<string> values)
    {
        Field = field ?? throw new ArgumentNullException(nameof(field));
        _lookupField = field.ToLowerInvariant();
        Operator = @operator;
        Values = values ?? throw new ArgumentNullException(nameof(values));
    }

    // Field names are case-insensitive; signals lower-case the name they are asked for, and an already
    // lower-case name is returned as is, so asking with this spelling keeps condition checks allocation-free.
    private readonly string _lookupField;

    /// <summary>Gets the field name or dotted path.</summary>
    public string Field { get; }

    /// <summary>Gets how to compare.</summary>
    public ConditionOperator Operator { get; }

    /// <summary>Gets the values to compare with.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Evaluates the condition on a signal.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns><see langword="true"/> when the condition holds.</returns>
    public bool IsSatisfiedBy(Signal signal)
    {
        var value = (signal ?? throw new ArgumentNullException(nameof(signal))).GetFieldValue(_lookupField);
        return Operator switch
        {
            ConditionOperator.Exists => !string.IsNullOrEmpty(value),
            ConditionOperator.NotExists => string.IsNullOrEmpty(value),
            ConditionOperator.Equals => value is not null && AnyMatch(value, ConditionOperator.Equals),
            ConditionOperator.NotEquals => value is null || !AnyMatch(value, ConditionOperator.Equals),
            ConditionOperator.Contains => value is not null && AnyMatch(value, ConditionOperator.Contains),
            ConditionOperator.NotContains => value is null || !AnyMatch(value, ConditionOperator.Contains),
            ConditionOperator.StartsWith => value is not null && AnyMatch(value, ConditionOperator.StartsWith),
            ConditionOperator.EndsWith => value is not null && AnyMatch(value, ConditionOperator.EndsWith),
            ConditionOperator.PortInRange => value is not null && PortSpec.IncludesAny(value, Values),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Field} {Operator} [{string.Join(", ", Values)}]";

    // A plain loop per operator: evaluating a condition allocates no delegates or closures.
    private bool AnyMatch(string value, ConditionOperator comparison)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            var candidate = Values[i];
            if (candidate is null)
            {
                continue;
            }

            var hit = comparison switch
            {
                ConditionOperator.Equals => string.Equals(value, candidate, StringComparison.OrdinalIgnoreCase),
                ConditionOperator.Contains => value.IndexOf(candidate, StringComparison.OrdinalIgnoreCase) >= 0,
                ConditionOperator.StartsWith => value.StartsWith(candidate, StringComparison.OrdinalIgnoreCase),
                _ => value.EndsWith(candidate, StringComparison.OrdinalIgnoreCase),
            };
            if (hit)
            {
                return true;
            }
        }

        return false;
    }
}
