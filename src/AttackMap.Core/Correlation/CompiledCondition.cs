using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>A <see cref="RuleCondition"/> with a direct field reader; same semantics as <see cref="RuleCondition.IsSatisfiedBy"/>, no allocation.</summary>
internal sealed class CompiledCondition
{
    private readonly Func<Signal, string?> _read;
    private readonly ConditionOperator _operator;
    private readonly string[] _values;

    public CompiledCondition(RuleCondition condition, LogFamily family)
    {
        _read = FieldAccessors.For(family, condition.Field);
        _operator = condition.Operator;
        _values = condition.Values.ToArray();
    }

    public bool IsSatisfiedBy(Signal signal)
    {
        var value = _read(signal);
        switch (_operator)
        {
            case ConditionOperator.Exists: return !string.IsNullOrEmpty(value);
            case ConditionOperator.NotExists: return string.IsNullOrEmpty(value);
            case ConditionOperator.NotEquals: return value is null || !Any(value);
            case ConditionOperator.NotContains: return value is null || !Any(value);
            default: return value is not null && Any(value);
        }
    }

    private bool Any(string value)
    {
        foreach (var candidate in _values)
        {
            var hit = _operator switch
            {
                ConditionOperator.Equals or ConditionOperator.NotEquals => string.Equals(value, candidate, StringComparison.OrdinalIgnoreCase),
                ConditionOperator.Contains or ConditionOperator.NotContains => value.IndexOf(candidate, StringComparison.OrdinalIgnoreCase) >= 0,
                ConditionOperator.StartsWith => value.StartsWith(candidate, StringComparison.OrdinalIgnoreCase),
                ConditionOperator.EndsWith => value.EndsWith(candidate, StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
            if (hit)
            {
                return true;
            }
        }

        return false;
    }
}
