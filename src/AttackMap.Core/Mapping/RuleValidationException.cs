namespace AttackMap.Mapping;

/// <summary>Thrown when rules fail validation; lists every problem found, not just the first.</summary>
public sealed class RuleValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems (errors first, as found).</param>
    public RuleValidationException(IReadOnlyList<RuleProblem> problems)
        : base(FormatMessage(problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, warnings included.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    internal static string FormatMessage(IReadOnlyList<RuleProblem> problems)
    {
        var errors = problems.Count(p => p.IsError);
        var header = $"{errors} rule error(s) and {problems.Count - errors} warning(s):";
        return header + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
