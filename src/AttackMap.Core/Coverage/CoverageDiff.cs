namespace AttackMap.Coverage;

/// <summary>Compares two coverage reports (before and after a rule change, a logging change or an ATT&amp;CK upgrade).</summary>
/// <remarks>
/// Techniques are matched by id; a status change or a scope change is a change, a reason-only change is not. Statuses are
/// ranked Direct &gt; CorrelationOnly &gt; NeedsReview &gt; NeedsLogging &gt; NeedsRule &gt; NeedsLogging with no rule
/// mapping the technique, so a NeedsLogging technique that loses its last rule (or gains its first) is a change too.
/// </remarks>
public static class CoverageDiff
{
    /// <summary>Compares two reports.</summary>
    /// <param name="before">The earlier report.</param>
    /// <param name="after">The later report.</param>
    /// <returns>The changes.</returns>
    public static CoverageDiffResult Compare(CoverageReport before, CoverageReport after) =>
        Compare(CoverageSnapshot.From(before), CoverageSnapshot.From(after));

    /// <summary>Compares two snapshots (for example two JSON reports read back with <see cref="CoverageSnapshot.ReadJson"/>).</summary>
    /// <param name="before">The earlier snapshot.</param>
    /// <param name="after">The later snapshot.</param>
    /// <returns>The changes.</returns>
    public static CoverageDiffResult Compare(CoverageSnapshot before, CoverageSnapshot after)
    {
        if (before is null)
        {
            throw new ArgumentNullException(nameof(before));
        }

        if (after is null)
        {
            throw new ArgumentNullException(nameof(after));
        }

        var earlier = Index(before);
        var later = Index(after);
        var changes = new List<TechniqueCoverageChange>();
        foreach (var id in earlier.Keys.Union(later.Keys, StringComparer.OrdinalIgnoreCase).OrderBy(i => i, StringComparer.Ordinal))
        {
            earlier.TryGetValue(id, out var from);
            later.TryGetValue(id, out var to);
            if (from is null || to is null || from.Rank != to.Rank)
            {
                changes.Add(new TechniqueCoverageChange(from, to));
            }
        }

        return new CoverageDiffResult(before.AttackVersion, after.AttackVersion, changes);
    }

    private static Dictionary<string, CoverageSnapshotTechnique> Index(CoverageSnapshot snapshot)
    {
        var index = new Dictionary<string, CoverageSnapshotTechnique>(StringComparer.OrdinalIgnoreCase);
        foreach (var technique in snapshot.Techniques)
        {
            index[technique.Id] = technique;
        }

        return index;
    }
}
