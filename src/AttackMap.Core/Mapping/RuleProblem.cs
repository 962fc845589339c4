namespace AttackMap.Mapping;

/// <summary>One problem found in a rule or rule pack, with the rule id and where the rule was defined.</summary>
public sealed record RuleProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="code">What is wrong.</param>
    /// <param name="ruleId">The rule id, or <see langword="null"/> when the problem is not tied to one rule.</param>
    /// <param name="location">Where the rule or value was defined (file, JSON path, line), when known.</param>
    /// <param name="message">A message an author can act on.</param>
    /// <param name="severity">How serious the problem is.</param>
    public RuleProblem(RuleProblemCode code, string? ruleId, string? location, string message, RuleProblemSeverity severity = RuleProblemSeverity.Error)
    {
        Code = code;
        RuleId = ruleId;
        Location = location;
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Severity = severity;
    }

    /// <summary>Gets what is wrong.</summary>
    public RuleProblemCode Code { get; }

    /// <summary>Gets the rule id, when the problem is tied to one rule.</summary>
    public string? RuleId { get; }

    /// <summary>Gets where the rule or value was defined, when known.</summary>
    public string? Location { get; }

    /// <summary>Gets the message.</summary>
    public string Message { get; }

    /// <summary>Gets how serious the problem is.</summary>
    public RuleProblemSeverity Severity { get; }

    /// <summary>Gets a value indicating whether the problem is an error.</summary>
    public bool IsError => Severity == RuleProblemSeverity.Error;

    /// <summary>Formats the problem as <c>severity code: rule 'id' at location: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var severity = Severity == RuleProblemSeverity.Error ? "error" : "warning";
        var rule = RuleId is null ? string.Empty : $" rule '{RuleId}'";
        var where = Location is null ? string.Empty : $" at {Location}";
        return $"{severity} {Code}:{rule}{where}: {Message}";
    }
}
