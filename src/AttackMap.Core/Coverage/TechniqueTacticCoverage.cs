using AttackMap.Attack;

namespace AttackMap.Coverage;

/// <summary>A technique's coverage under one of its tactics (rules may claim only some of a technique's tactics).</summary>
public sealed class TechniqueTacticCoverage
{
    internal TechniqueTacticCoverage(Tactic tactic, CoverageStatus status, string reason, IReadOnlyList<string> ruleIds)
    {
        Tactic = tactic;
        Status = status;
        Reason = reason;
        RuleIds = ruleIds;
    }

    /// <summary>Gets the tactic.</summary>
    public Tactic Tactic { get; }

    /// <summary>Gets the status under this tactic.</summary>
    public CoverageStatus Status { get; }

    /// <summary>Gets the one-line reason for the status under this tactic.</summary>
    public string Reason { get; }

    /// <summary>Gets the ids of the rules that support this tactic, ordered.</summary>
    public IReadOnlyList<string> RuleIds { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Tactic.ShortName}: {Status}";
}
