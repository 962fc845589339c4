namespace AttackMap.Mapping;

/// <summary>Thrown when a rule pack cannot be read: invalid JSON, a value of the wrong type, or an unknown name.</summary>
public sealed class RulePackFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The pack file or stream name.</param>
    /// <param name="problems">The format problems, each with its location.</param>
    public RulePackFormatException(string sourceName, IReadOnlyList<RuleProblem> problems)
        : base($"Rule pack '{sourceName}' is not valid. " + RuleValidationException.FormatMessage(problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        SourceName = sourceName ?? throw new ArgumentNullException(nameof(sourceName));
        Problems = problems;
    }

    /// <summary>Gets the pack file or stream name.</summary>
    public string SourceName { get; }

    /// <summary>Gets the format problems, each with its location.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }
}
