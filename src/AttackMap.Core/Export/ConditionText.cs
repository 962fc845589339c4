using AttackMap.Mapping;

namespace AttackMap.Export;

/// <summary>Renders rule conditions as readable text for exports, such as <c>riskLevelDuringSignIn equals high</c>.</summary>
internal static class ConditionText
{
    /// <summary>Joins a rule's conditions with <c> and </c> (all must hold); empty when it has none.</summary>
    public static string Describe(IReadOnlyList<RuleCondition> conditions) =>
        conditions.Count == 0 ? string.Empty : string.Join(" and ", conditions.Select(Describe));

    /// <summary>Renders one condition; values are compared case-insensitively, as the rule engine does.</summary>
    public static string Describe(RuleCondition condition)
    {
        var values = condition.Values.Where(v => v is not null).ToArray();
        var single = values.Length == 1;
        var list = string.Join(", ", values);
        var phrase = condition.Operator switch
        {
            ConditionOperator.Exists => "is set",
            ConditionOperator.NotExists => "is empty",
            ConditionOperator.Equals => single ? "equals " + list : "equals one of " + list,
            ConditionOperator.NotEquals => single ? "does not equal " + list : "equals none of " + list,
            ConditionOperator.Contains => single ? "contains " + list : "contains one of " + list,
            ConditionOperator.NotContains => single ? "does not contain " + list : "contains none of " + list,
            ConditionOperator.StartsWith => single ? "starts with " + list : "starts with one of " + list,
            ConditionOperator.EndsWith => single ? "ends with " + list : "ends with one of " + list,
            ConditionOperator.PortInRange => "includes a port in " + list,
            _ => condition.Operator + " " + list,
        };
        return condition.Field + " " + phrase;
    }
}
