using AttackMap.Attack;

namespace AttackMap.Coverage;

/// <summary>The counts per status of the in-scope techniques and sub-techniques of one tactic.</summary>
public sealed class TacticCoverageSummary
{
    private readonly int[] _counts;

    internal TacticCoverageSummary(Tactic tactic, int[] counts)
    {
        Tactic = tactic;
        _counts = counts;
        Total = counts.Sum();
    }

    /// <summary>Gets the tactic.</summary>
    public Tactic Tactic { get; }

    /// <summary>Gets the number of in-scope techniques and sub-techniques under the tactic.</summary>
    public int Total { get; }

    /// <summary>Gets how many of them have a status under this tactic.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int GetCount(CoverageStatus status) => (int)status >= 0 && (int)status < _counts.Length ? _counts[(int)status] : 0;

    /// <inheritdoc />
    public override string ToString() => $"{Tactic.Name}: {Total} ({GetCount(CoverageStatus.Direct)} direct)";
}
