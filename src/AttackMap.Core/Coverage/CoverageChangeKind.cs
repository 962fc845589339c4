namespace AttackMap.Coverage;

/// <summary>How a technique's coverage changed between two reports.</summary>
public enum CoverageChangeKind
{
    /// <summary>The status got stronger (for example NeedsRule to Direct).</summary>
    Upgraded = 0,

    /// <summary>The status got weaker (for example Direct to NeedsLogging).</summary>
    Downgraded = 1,

    /// <summary>The technique is in scope only in the later report (a new technique, or a platform or version change).</summary>
    Added = 2,

    /// <summary>The technique is in scope only in the earlier report (revoked, deprecated, or out of scope now).</summary>
    Removed = 3,
}
