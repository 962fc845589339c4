namespace AttackMap.Correlation;

/// <summary>Thrown when correlation rules or packs are invalid; lists every problem with the rule id and location.</summary>
public sealed class CorrelationRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">Every problem found, each naming its rule.</param>
    public CorrelationRuleException(IReadOnlyList<string> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string BuildMessage(IReadOnlyList<string> errors) =>
        errors is null || errors.Count == 0
            ? "The correlation rules are invalid."
            : "The correlation rules are invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors);
}
