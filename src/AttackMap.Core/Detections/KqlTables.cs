using System.Reflection;

namespace AttackMap.Detections;

/// <summary>
/// Finds the Log Analytics tables a KQL query (a Sentinel analytics rule, a hunting query) reads, without a KQL engine:
/// table names at the start of a pipeline, in <c>union</c> (wildcards such as <c>AAD*SignInLogs</c> are matched against
/// the known tables), on the right of <c>join</c> and <c>lookup</c>, in <c>let</c> bindings, <c>materialize</c>,
/// <c>toscalar</c>, <c>in (…)</c> sub-queries, <c>table("X")</c>, and in <c>let</c>-bound functions called with a table name
/// (<c>aadFunc("SigninLogs")</c> where the body reads <c>table(tableName)</c>). Comments and string literals never count;
/// <c>let</c> names, function parameters, <c>datatable</c> and <c>externaldata</c> are not tables.
/// </summary>
/// <remarks>
/// A name counts as a table when it is one of the Log Analytics table names embedded in the library (914 names from the
/// Azure Monitor table reference; custom <c>_CL</c> tables are reported in <see cref="KqlTableReferences.UnresolvedNames"/>).
/// <c>union *</c> reads every known table. Checked against Microsoft's Kusto language service (tests/kql).
/// </remarks>
public static class KqlTables
{
    private static readonly Lazy<HashSet<string>> Known = new(LoadKnownTables);

    /// <summary>Gets the known Log Analytics table names, sorted ordinally.</summary>
    public static IReadOnlyList<string> KnownTables => SortedKnown.Value;

    private static readonly Lazy<IReadOnlyList<string>> SortedKnown = new(() => Known.Value.OrderBy(n => n, StringComparer.Ordinal).ToArray());

    /// <summary>Returns the known tables a query reads, sorted ordinally.</summary>
    /// <param name="query">The KQL query text.</param>
    /// <returns>The table names; empty when the query reads none.</returns>
    public static IReadOnlyList<string> Extract(string query) => Analyze(query).Tables;

    /// <summary>Returns the tables a query reads and the functions and names it could not resolve.</summary>
    /// <param name="query">The KQL query text.</param>
    /// <returns>The references found.</returns>
    public static KqlTableReferences Analyze(string query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        return new KqlTableExtractor(KqlTokenizer.Tokenize(query), Known.Value).Run();
    }

    /// <summary>Returns whether a name is a known Log Analytics table (exact case).</summary>
    /// <param name="name">The table name.</param>
    /// <returns><see langword="true"/> for a known table.</returns>
    public static bool IsKnownTable(string name) => name is not null && Known.Value.Contains(name);

    private static HashSet<string> LoadKnownTables()
    {
        using var stream = typeof(KqlTables).GetTypeInfo().Assembly.GetManifestResourceStream("AttackMap.Detections.KnownTables.txt")
            ?? throw new InvalidOperationException("The embedded table list AttackMap.Detections.KnownTables.txt is missing.");
        using var reader = new StreamReader(stream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var name = line.Trim();
            if (name.Length > 0 && name[0] != '#')
            {
                names.Add(name);
            }
        }

        return names;
    }
}
