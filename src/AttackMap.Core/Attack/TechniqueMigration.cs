namespace AttackMap.Attack;

/// <summary>One row of a <see cref="MigrationReport"/>: a technique id from an older release and what it is in a newer one.</summary>
public sealed record TechniqueMigration
{
    /// <summary>Gets the id as written against the older release.</summary>
    public required string OriginalId { get; init; }

    /// <summary>Gets the older ATT&amp;CK version.</summary>
    public required string OriginalVersion { get; init; }

    /// <summary>Gets the name in the older release, or <see langword="null"/> when the id is unknown there.</summary>
    public string? OriginalName { get; init; }

    /// <summary>Gets what became of the id.</summary>
    public required MigrationOutcome Outcome { get; init; }

    /// <summary>Gets the newer ATT&amp;CK version.</summary>
    public required string NewVersion { get; init; }

    /// <summary>
    /// Gets the id to use in the newer release: the same id, the end of the revoked-by chain, MITRE's nominal
    /// replacement of a split technique, or <see langword="null"/> for deprecated and unknown ids.
    /// </summary>
    public string? NewId { get; init; }

    /// <summary>Gets the name of <see cref="NewId"/> in the newer release.</summary>
    public string? NewName { get; init; }

    /// <summary>Gets the tactic shortnames in the older release.</summary>
    public IReadOnlyList<string> OldTactics { get; init; } = Array.Empty<string>();

    /// <summary>Gets the tactic shortnames of <see cref="NewId"/> in the newer release.</summary>
    public IReadOnlyList<string> NewTactics { get; init; } = Array.Empty<string>();

    /// <summary>Gets the techniques a split technique was broken into (the candidates to choose from), ordered by id.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = Array.Empty<string>();

    /// <summary>Gets a value indicating whether a person must decide the new mapping (split, deprecated and unknown ids).</summary>
    public bool NeedsReview => Outcome is MigrationOutcome.Split or MigrationOutcome.Deprecated or MigrationOutcome.Unknown;

    /// <inheritdoc />
    public override string ToString() => $"{OriginalId} (v{OriginalVersion}) -> {Outcome} {NewId}";
}
