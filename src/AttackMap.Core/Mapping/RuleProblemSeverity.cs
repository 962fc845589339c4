namespace AttackMap.Mapping;

/// <summary>How serious a <see cref="RuleProblem"/> is.</summary>
public enum RuleProblemSeverity
{
    /// <summary>The rule cannot be used; building a registry fails.</summary>
    Error = 0,

    /// <summary>The rule works but deserves a look (for example two rules that disagree on the same key).</summary>
    Warning = 1,
}
