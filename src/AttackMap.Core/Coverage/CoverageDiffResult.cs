namespace AttackMap.Coverage;

/// <summary>The techniques whose coverage changed between two reports, ordered by technique id.</summary>
public sealed class CoverageDiffResult
{
    internal CoverageDiffResult(string beforeVersion, string afterVersion, IReadOnlyList<TechniqueCoverageChange> changes)
    {
        BeforeAttackVersion = beforeVersion;
        AfterAttackVersion = afterVersion;
        Changes = changes;
    }

    /// <summary>Gets the ATT&amp;CK version of the earlier report.</summary>
    public string BeforeAttackVersion { get; }

    /// <summary>Gets the ATT&amp;CK version of the later report.</summary>
    public string AfterAttackVersion { get; }

    /// <summary>Gets every change (status changes and scope changes), ordered by technique id.</summary>
    public IReadOnlyList<TechniqueCoverageChange> Changes { get; }

    /// <summary>Gets the techniques whose status got weaker.</summary>
    public IReadOnlyList<TechniqueCoverageChange> Downgrades => Changes.Where(c => c.Kind == CoverageChangeKind.Downgraded).ToArray();

    /// <summary>Gets the number of changes of one kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count.</returns>
    public int Count(CoverageChangeKind kind) => Changes.Count(c => c.Kind == kind);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Changes.Count} changes (ATT&CK v{BeforeAttackVersion} -> v{AfterAttackVersion}): {Count(CoverageChangeKind.Upgraded)} upgraded, "
        + $"{Count(CoverageChangeKind.Downgraded)} downgraded, {Count(CoverageChangeKind.Added)} added, {Count(CoverageChangeKind.Removed)} removed";
}
