namespace AttackMap.Attack;

/// <summary>The result of migrating technique ids from one ATT&amp;CK release to another.</summary>
public sealed class MigrationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="fromVersion">The older version.</param>
    /// <param name="toVersion">The newer version.</param>
    /// <param name="rows">One row per distinct id, in input order.</param>
    public MigrationReport(string fromVersion, string toVersion, IEnumerable<TechniqueMigration> rows)
    {
        FromVersion = fromVersion ?? throw new ArgumentNullException(nameof(fromVersion));
        ToVersion = toVersion ?? throw new ArgumentNullException(nameof(toVersion));
        Rows = (rows ?? throw new ArgumentNullException(nameof(rows))).ToArray();
    }

    /// <summary>Gets the older version.</summary>
    public string FromVersion { get; }

    /// <summary>Gets the newer version.</summary>
    public string ToVersion { get; }

    /// <summary>Gets the rows, one per distinct id, in input order.</summary>
    public IReadOnlyList<TechniqueMigration> Rows { get; }

    /// <summary>Gets the rows a person must look at (split, deprecated and unknown ids).</summary>
    public IReadOnlyList<TechniqueMigration> NeedsReview => Rows.Where(r => r.NeedsReview).ToArray();

    /// <summary>Counts the rows with an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The number of rows.</returns>
    public int Count(MigrationOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}
