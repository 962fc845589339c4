namespace AttackMap.CatalogGenerator;

/// <summary>The provenance header written at the top of every generated catalog file.</summary>
public sealed record CatalogHeader
{
    /// <summary>Gets the ATT&amp;CK version (for example <c>19.2</c>).</summary>
    public required string Version { get; init; }

    /// <summary>Gets a value indicating whether the data is derived rather than extracted from MITRE's bundle.</summary>
    public required bool Derived { get; init; }

    /// <summary>Gets the input files (names only, with what each one is).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Gets a sentence or two on where the data came from and what it lacks.</summary>
    public required string Description { get; init; }

    /// <summary>Gets MITRE's copyright designation, reproduced as MITRE's licence requires.</summary>
    public required string Copyright { get; init; }
}
