namespace AttackMap.Attack;

/// <summary>An ATT&amp;CK technique or sub-technique, as of one catalog version.</summary>
public sealed record Technique
{
    /// <summary>Gets the ATT&amp;CK id (<c>T1098</c> or <c>T1098.003</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the name. For a sub-technique this is its own name, without the parent's.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the tactic shortnames the technique belongs to, in matrix order.</summary>
    public IReadOnlyList<string> Tactics { get; init; } = Array.Empty<string>();

    /// <summary>Gets the platforms (for example <c>IaaS</c>, <c>Identity Provider</c>, <c>SaaS</c>, <c>Office Suite</c>).</summary>
    public IReadOnlyList<string> Platforms { get; init; } = Array.Empty<string>();

    /// <summary>Gets a value indicating whether the technique is revoked (replaced by another).</summary>
    public bool IsRevoked { get; init; }

    /// <summary>Gets the id of the technique that directly replaced this one, when revoked.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>Gets a value indicating whether the technique is deprecated (withdrawn with no replacement).</summary>
    public bool IsDeprecated { get; init; }

    /// <summary>Gets the STIX id, when known.</summary>
    public string? StixId { get; init; }

    /// <summary>Gets the ATT&amp;CK object version, when known.</summary>
    public string? Version { get; init; }

    /// <summary>Gets when MITRE last modified the object, when known.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>
    /// Gets the techniques a revoked technique was split into (for example <c>T1562</c> in v19), ordered by id.
    /// Empty unless the technique was broken up rather than simply replaced; such a technique needs review.
    /// </summary>
    public IReadOnlyList<string> SplitInto { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Gets the Azure and Microsoft Entra ID log sources that MITRE's analytics for this technique name (its detection
    /// strategy's analytics, ATT&amp;CK v18 and later), ordered by analytic id, name and channel. Empty when ATT&amp;CK names
    /// none. In the derived v19.2 catalog these are v18.1's, carried over to the technique's v19 id.
    /// </summary>
    public IReadOnlyList<AttackLogSourceReference> AzureLogSources { get; init; } = Array.Empty<AttackLogSourceReference>();

    /// <summary>Gets a value indicating whether this is a sub-technique.</summary>
    public bool IsSubTechnique => Id.IndexOf('.') > 0;

    /// <summary>Gets the parent technique id of a sub-technique, else <see langword="null"/>.</summary>
    public string? ParentId => IsSubTechnique ? Id.Substring(0, Id.IndexOf('.')) : null;

    /// <summary>Gets a value indicating whether the technique is current (neither revoked nor deprecated).</summary>
    public bool IsCurrent => !IsRevoked && !IsDeprecated;

    /// <summary>Gets the technique's page on attack.mitre.org.</summary>
    public string Url => "https://attack.mitre.org/techniques/" + Id.Replace('.', '/') + "/";

    /// <summary>
    /// Tells whether the technique applies to at least one of <paramref name="platforms"/>. Platform names are compared
    /// case-insensitively, and the older names <c>Azure AD</c>, <c>Office 365</c>, <c>Azure</c>, <c>AWS</c> and
    /// <c>GCP</c> count as <c>Identity Provider</c>, <c>Office Suite</c> and <c>IaaS</c>.
    /// </summary>
    /// <param name="platforms">The platforms of interest, for example <see cref="AttackCatalog.AzurePlatforms"/>.</param>
    /// <returns><see langword="true"/> when a platform of the technique is among <paramref name="platforms"/>.</returns>
    public bool IsInScope(IEnumerable<string> platforms)
    {
        if (platforms is null)
        {
            throw new ArgumentNullException(nameof(platforms));
        }

        var wanted = AttackPlatforms.NormalizeSet(platforms);
        return Platforms.Any(p => wanted.Contains(AttackPlatforms.Normalize(p)));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
