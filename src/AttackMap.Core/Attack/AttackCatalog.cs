using System.Diagnostics.CodeAnalysis;

namespace AttackMap.Attack;

/// <summary>
/// An ATT&amp;CK Enterprise catalog of one version: tactics in matrix order, techniques and sub-techniques,
/// platforms, and revoked or deprecated techniques with their replacements. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Load an official STIX 2.1 bundle with <see cref="Load(Stream)"/>, or use the embedded catalogs
/// (<see cref="Default"/> is the newest release the package ships). Revoked and deprecated techniques are
/// excluded from queries unless asked for.
/// </remarks>
public sealed partial class AttackCatalog
{
    /// <summary>The ATT&amp;CK domain this library reads.</summary>
    internal const string EnterpriseDomain = "enterprise-attack";

    private readonly Dictionary<string, Technique> _techniques;
    private readonly Dictionary<string, Tactic> _tacticsByShortName;
    private readonly Dictionary<string, IReadOnlyList<Technique>> _subTechniques;

    /// <summary>Creates a catalog from its parts.</summary>
    /// <param name="version">The ATT&amp;CK version (for example <c>19.2</c>).</param>
    /// <param name="tactics">The tactics; they are ordered by <see cref="Tactic.Order"/>.</param>
    /// <param name="techniques">The techniques and sub-techniques, revoked and deprecated ones included.</param>
    /// <param name="provenance">Where the data came from (source, and whether it is derived rather than extracted).</param>
    public AttackCatalog(string version, IEnumerable<Tactic> tactics, IEnumerable<Technique> techniques, string? provenance = null)
    {
        Version = version ?? throw new ArgumentNullException(nameof(version));
        Tactics = (tactics ?? throw new ArgumentNullException(nameof(tactics))).OrderBy(t => t.Order).ToArray();
        _tacticsByShortName = new Dictionary<string, Tactic>(StringComparer.OrdinalIgnoreCase);
        foreach (var tactic in Tactics)
        {
            _tacticsByShortName[tactic.ShortName] = tactic;
        }

        _techniques = new Dictionary<string, Technique>(StringComparer.OrdinalIgnoreCase);
        foreach (var technique in techniques ?? throw new ArgumentNullException(nameof(techniques)))
        {
            _techniques[technique.Id] = technique;
        }

        // Plain loops rather than LINQ grouping: this runs on the cold path of AttackCatalog.Default.
        var children = new Dictionary<string, List<Technique>>(StringComparer.OrdinalIgnoreCase);
        foreach (var technique in _techniques.Values)
        {
            if (technique.ParentId is { } parentId)
            {
                if (!children.TryGetValue(parentId, out var list))
                {
                    children[parentId] = list = new List<Technique>();
                }

                list.Add(technique);
            }
        }

        _subTechniques = new Dictionary<string, IReadOnlyList<Technique>>(children.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in children)
        {
            var sorted = pair.Value.ToArray();
            Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Id, b.Id));
            _subTechniques[pair.Key] = sorted;
        }
        Provenance = provenance ?? string.Empty;
    }

    /// <summary>Gets the ATT&amp;CK version of this catalog (for example <c>19.2</c>).</summary>
    public string Version { get; }

    /// <summary>Gets the ATT&amp;CK domain of the catalog; always <c>enterprise-attack</c>.</summary>
    public string Domain => EnterpriseDomain;

    /// <summary>
    /// Gets a value indicating whether the catalog was derived from MITRE's change notes rather than extracted from
    /// MITRE's STIX bundle (true for the embedded v19.2 catalog). See <see cref="Provenance"/> for the details.
    /// </summary>
    public bool IsDerived { get; init; }

    /// <summary>Gets the major version as Navigator layers want it (for example <c>19</c>).</summary>
    public string MajorVersion => Version.Split('.')[0];

    /// <summary>Gets where the data came from, including whether it is derived rather than extracted from MITRE's bundle.</summary>
    public string Provenance { get; }

    /// <summary>Gets the tactics in matrix order.</summary>
    public IReadOnlyList<Tactic> Tactics { get; }

    /// <summary>Gets the number of techniques and sub-techniques, revoked and deprecated ones included.</summary>
    public int Count => _techniques.Count;

    /// <summary>Gets the techniques and sub-techniques ordered by id.</summary>
    /// <param name="includeRevokedAndDeprecated">Whether to include revoked and deprecated techniques.</param>
    /// <returns>The techniques.</returns>
    public IReadOnlyList<Technique> GetTechniques(bool includeRevokedAndDeprecated = false) =>
        _techniques.Values
            .Where(t => includeRevokedAndDeprecated || t.IsCurrent)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Gets the current techniques of one tactic, ordered by id.</summary>
    /// <param name="tacticShortNameOrId">The tactic shortname (<c>persistence</c>) or id (<c>TA0003</c>).</param>
    /// <returns>The techniques, empty when the tactic is unknown.</returns>
    public IReadOnlyList<Technique> GetTechniquesByTactic(string tacticShortNameOrId)
    {
        if (!TryGetTactic(tacticShortNameOrId, out var tactic))
        {
            return Array.Empty<Technique>();
        }

        return _techniques.Values
            .Where(t => t.IsCurrent && t.Tactics.Contains(tactic.ShortName, StringComparer.OrdinalIgnoreCase))
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Gets the current sub-techniques of a technique, ordered by id.</summary>
    /// <param name="parentId">The parent technique id.</param>
    /// <returns>The sub-techniques, empty when there are none.</returns>
    public IReadOnlyList<Technique> GetSubTechniques(string parentId) =>
        _subTechniques.TryGetValue(parentId, out var list) ? list.Where(t => t.IsCurrent).ToArray() : Array.Empty<Technique>();

    /// <summary>Looks a technique up by id, revoked and deprecated ones included.</summary>
    /// <param name="id">The technique id (case-insensitive).</param>
    /// <param name="technique">The technique, when found.</param>
    /// <returns><see langword="true"/> when the id is in the catalog.</returns>
    public bool TryGetTechnique(string id, [NotNullWhen(true)] out Technique? technique)
    {
        technique = null;
        return id is not null && _techniques.TryGetValue(id.Trim(), out technique);
    }

    /// <summary>Gets a technique by id.</summary>
    /// <param name="id">The technique id.</param>
    /// <returns>The technique.</returns>
    /// <exception cref="KeyNotFoundException">The id is not in this catalog.</exception>
    public Technique GetTechnique(string id) =>
        TryGetTechnique(id, out var technique)
            ? technique
            : throw new KeyNotFoundException($"Technique '{id}' is not in ATT&CK v{Version}. Check the id, or migrate it with AttackCatalog.Migrate if it comes from an older release.");

    /// <summary>Looks a tactic up by shortname (<c>credential-access</c>), id (<c>TA0006</c>) or display name.</summary>
    /// <param name="shortNameOrId">The shortname, id or name (case-insensitive).</param>
    /// <param name="tactic">The tactic, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetTactic(string shortNameOrId, [NotNullWhen(true)] out Tactic? tactic)
    {
        tactic = null;
        if (shortNameOrId is null)
        {
            return false;
        }

        if (_tacticsByShortName.TryGetValue(shortNameOrId.Trim(), out tactic))
        {
            return true;
        }

        tactic = Tactics.FirstOrDefault(t =>
            t.Id.Equals(shortNameOrId.Trim(), StringComparison.OrdinalIgnoreCase)
            || t.Name.Equals(shortNameOrId.Trim(), StringComparison.OrdinalIgnoreCase));
        return tactic is not null;
    }

    /// <summary>
    /// Follows the revoked-by chain from <paramref name="id"/> to the end and returns the current technique,
    /// or <see langword="null"/> when the id is unknown, deprecated, or its chain ends in a deprecated technique.
    /// </summary>
    /// <param name="id">The technique id.</param>
    /// <returns>The current technique the id resolves to, or <see langword="null"/>.</returns>
    public Technique? ResolveCurrent(string id)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var currentId = id;
        while (TryGetTechnique(currentId, out var technique) && seen.Add(technique.Id))
        {
            if (technique.IsCurrent)
            {
                return technique;
            }

            if (!technique.IsRevoked || technique.RevokedBy is null)
            {
                return null;
            }

            currentId = technique.RevokedBy;
        }

        return null;
    }

    /// <summary>The technique on <paramref name="techniqueId"/>'s revoked-by chain that MITRE split, or <see langword="null"/>.</summary>
    internal Technique? SplitOf(string techniqueId)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var id = techniqueId; id is not null && TryGetTechnique(id, out var technique) && seen.Add(technique.Id); id = technique.RevokedBy)
        {
            if (technique.IsCurrent)
            {
                return null;
            }

            if (technique.SplitInto.Count > 0)
            {
                return technique;
            }
        }

        return null;
    }
}
