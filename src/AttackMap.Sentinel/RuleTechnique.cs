namespace AttackMap.Sentinel;

/// <summary>One ATT&amp;CK technique of an imported rule, validated against the catalog.</summary>
public sealed record RuleTechnique
{
    /// <summary>Gets the technique id to use: the current id for migrated ids, otherwise (split ids included) the id as written (upper case).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the id as the rule wrote it.</summary>
    public required string OriginalId { get; init; }

    /// <summary>Gets the technique name in the catalog, or <see langword="null"/> when unknown.</summary>
    public string? Name { get; init; }

    /// <summary>Gets what the id is in the catalog.</summary>
    public required TechniqueStatus Status { get; init; }

    /// <summary>Gets the current techniques a <see cref="TechniqueStatus.Split"/> id was split into; empty otherwise.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = Array.Empty<string>();

    /// <summary>Gets a one-line note for migrated, split, deprecated and unknown ids; <see langword="null"/> for current ones.</summary>
    public string? Note { get; init; }
}
