namespace AttackMap.Detections;

/// <summary>What a KQL query reads, as found by <see cref="KqlTables.Analyze(string)"/>.</summary>
public sealed record KqlTableReferences
{
    /// <summary>Gets the known Log Analytics tables the query reads, sorted ordinally (exact case, as KQL names are case-sensitive).</summary>
    public IReadOnlyList<string> Tables { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Gets the functions called where a table could stand that the query does not define itself (workspace functions,
    /// parsers and Sentinel helpers such as <c>_GetWatchlist</c>), sorted ordinally. Their tables cannot be known from the query.
    /// </summary>
    public IReadOnlyList<string> Functions { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Gets names standing where a table could stand that are neither a known table nor defined by the query (custom
    /// <c>_CL</c> tables, workspace functions called without parentheses, tables newer than the embedded list), sorted ordinally.
    /// </summary>
    public IReadOnlyList<string> UnresolvedNames { get; init; } = Array.Empty<string>();
}
