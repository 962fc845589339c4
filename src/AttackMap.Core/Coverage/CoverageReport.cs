using System.Diagnostics.CodeAnalysis;
using AttackMap.Attack;

namespace AttackMap.Coverage;

/// <summary>
/// The coverage of every current in-scope ATT&amp;CK technique by a set of rules over the enabled log sources.
/// Immutable; techniques are ordered by id, tactics by matrix order.
/// </summary>
public sealed class CoverageReport
{
    private readonly Dictionary<string, TechniqueCoverage> _all;
    private readonly int[] _totals;

    internal CoverageReport(
        AttackCatalog catalog,
        IReadOnlyList<string> platforms,
        bool includeSubTechniques,
        LogSourceInventory sources,
        int ruleCount,
        IReadOnlyList<TechniqueCoverage> allTechniques,
        IReadOnlyList<string> unresolvedMappings,
        bool hasObservedEvidence)
    {
        Catalog = catalog;
        Platforms = platforms;
        IncludeSubTechniques = includeSubTechniques;
        Sources = sources;
        RuleCount = ruleCount;
        UnresolvedMappings = unresolvedMappings;
        HasObservedEvidence = hasObservedEvidence;
        _all = allTechniques.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        Techniques = allTechniques.Where(t => t.Status != CoverageStatus.OutOfScope).ToArray();
        MappedOutOfScope = allTechniques.Where(t => t.Status == CoverageStatus.OutOfScope && t.Rules.Count > 0).ToArray();
        SourceSummary = LogSourceInventory.Families.Select(f => new CoverageSource(f, sources)).ToArray();
        _totals = new int[StatusCount];
        foreach (var technique in Techniques)
        {
            _totals[(int)technique.Status]++;
        }

        Tactics = catalog.Tactics.Select(BuildTactic).ToArray();
    }

    /// <summary>Gets the statuses a report counts, strongest first (every status but <see cref="CoverageStatus.OutOfScope"/>).</summary>
    public static IReadOnlyList<CoverageStatus> Statuses { get; } = Array.AsReadOnly(new[]
    {
        CoverageStatus.Direct, CoverageStatus.CorrelationOnly, CoverageStatus.NeedsReview, CoverageStatus.NeedsLogging, CoverageStatus.NeedsRule,
    });

    /// <summary>Gets the catalog the report was computed against.</summary>
    public AttackCatalog Catalog { get; }

    /// <summary>Gets the ATT&amp;CK version (for example <c>19.2</c>).</summary>
    public string AttackVersion => Catalog.Version;

    /// <summary>Gets the platform scope, with current ATT&amp;CK names.</summary>
    public IReadOnlyList<string> Platforms { get; }

    /// <summary>Gets a value indicating whether sub-techniques have their own rows.</summary>
    public bool IncludeSubTechniques { get; }

    /// <summary>Gets the log source inventory the report assumed.</summary>
    public LogSourceInventory Sources { get; }

    /// <summary>Gets every log family with its enabled and missing tables, in a stable order.</summary>
    public IReadOnlyList<CoverageSource> SourceSummary { get; }

    /// <summary>Gets the number of distinct rules considered.</summary>
    public int RuleCount { get; }

    /// <summary>Gets the in-scope techniques and sub-techniques, ordered by id.</summary>
    public IReadOnlyList<TechniqueCoverage> Techniques { get; }

    /// <summary>Gets the out-of-scope techniques that rules map anyway (status <see cref="CoverageStatus.OutOfScope"/>), ordered by id.</summary>
    public IReadOnlyList<TechniqueCoverage> MappedOutOfScope { get; }

    /// <summary>Gets the per-tactic counts, in matrix order (every tactic of the catalog, empty ones included).</summary>
    public IReadOnlyList<TacticCoverageSummary> Tactics { get; }

    /// <summary>Gets the rule mappings whose technique id is unknown or deprecated in the catalog, as <c>rule-id: T1234</c>, ordered.</summary>
    public IReadOnlyList<string> UnresolvedMappings { get; }

    /// <summary>Gets a value indicating whether observed evidence was given (then <see cref="TechniqueCoverage.ObservedEvidenceCount"/> is set).</summary>
    public bool HasObservedEvidence { get; }

    private static int StatusCount => (int)CoverageStatus.OutOfScope + 1;

    /// <summary>Gets the number of in-scope techniques and sub-techniques with a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int GetCount(CoverageStatus status) => (int)status >= 0 && (int)status < _totals.Length ? _totals[(int)status] : 0;

    /// <summary>Looks up the coverage of any current technique, out-of-scope ones included (with status <see cref="CoverageStatus.OutOfScope"/>).</summary>
    /// <param name="techniqueId">
    /// The technique id (case-insensitive); revoked ids are resolved to their replacement, except ids MITRE split into
    /// several techniques (<see cref="Technique.SplitInto"/>, e.g. T1562 in v19.2), which have no single coverage.
    /// </param>
    /// <param name="coverage">The coverage, when found.</param>
    /// <returns><see langword="true"/> when the id resolves to one current technique of the catalog.</returns>
    public bool TryGetCoverage(string techniqueId, [NotNullWhen(true)] out TechniqueCoverage? coverage)
    {
        coverage = null;
        var current = techniqueId is null || Catalog.SplitOf(techniqueId) is not null ? null : Catalog.ResolveCurrent(techniqueId);
        return current is not null && _all.TryGetValue(current.Id, out coverage);
    }

    /// <summary>Gets the coverage of a current technique, out-of-scope ones included.</summary>
    /// <param name="techniqueId">The technique id.</param>
    /// <returns>The coverage.</returns>
    /// <exception cref="KeyNotFoundException">The id is not a current technique of the catalog, or MITRE split it into several (the message lists them).</exception>
    public TechniqueCoverage GetCoverage(string techniqueId) =>
        TryGetCoverage(techniqueId, out var coverage)
            ? coverage
            : Catalog.SplitOf(techniqueId) is { } split
                ? throw new KeyNotFoundException($"Technique '{techniqueId}' was split in ATT&CK v{AttackVersion} into {string.Join(", ", split.SplitInto)}; ask for one of them.")
                : throw new KeyNotFoundException($"Technique '{techniqueId}' is not a current technique of ATT&CK v{AttackVersion}.");


    /// <inheritdoc />
    public override string ToString() =>
        $"ATT&CK v{AttackVersion}, {Techniques.Count} techniques in scope: " + string.Join(", ", Statuses.Select(s => $"{s} {GetCount(s)}"));

    private TacticCoverageSummary BuildTactic(Tactic tactic)
    {
        var counts = new int[StatusCount];
        foreach (var technique in Techniques)
        {
            foreach (var annotation in technique.Tactics)
            {
                if (ReferenceEquals(annotation.Tactic, tactic))
                {
                    counts[(int)annotation.Status]++;
                }
            }
        }

        return new TacticCoverageSummary(tactic, counts);
    }
}
