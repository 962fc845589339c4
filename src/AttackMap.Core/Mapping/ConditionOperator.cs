namespace AttackMap.Mapping;

/// <summary>How a <see cref="RuleCondition"/> compares a field with its values. Text comparisons ignore case.</summary>
public enum ConditionOperator
{
    /// <summary>The field equals one of the values.</summary>
    Equals = 0,

    /// <summary>The field equals none of the values (a missing field counts as not equal).</summary>
    NotEquals = 1,

    /// <summary>The field contains one of the values.</summary>
    Contains = 2,

    /// <summary>The field contains none of the values.</summary>
    NotContains = 3,

    /// <summary>The field is present and not empty.</summary>
    Exists = 4,

    /// <summary>The field is missing or empty.</summary>
    NotExists = 5,

    /// <summary>The field starts with one of the values.</summary>
    StartsWith = 6,

    /// <summary>The field ends with one of the values.</summary>
    EndsWith = 7,

    /// <summary>
    /// The field is a port specification (<c>3389</c>, a range such as <c>3380-3390</c>, <c>*</c>, a comma-separated list or a JSON
    /// array of those, as in NSG <c>destinationPortRanges</c>) that includes one of the values (port numbers).
    /// </summary>
    PortInRange = 8,
}
