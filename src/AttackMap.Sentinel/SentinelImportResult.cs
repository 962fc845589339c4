namespace AttackMap.Sentinel;

/// <summary>The rules imported from files or streams, and the errors met on the way (one bad file never stops the others).</summary>
public sealed record SentinelImportResult
{
    /// <summary>Gets the imported rules, in file order (files sorted ordinally), then in order within a file.</summary>
    public IReadOnlyList<SentinelRule> Rules { get; init; } = Array.Empty<SentinelRule>();

    /// <summary>Gets the errors, in the same order.</summary>
    public IReadOnlyList<SentinelImportError> Errors { get; init; } = Array.Empty<SentinelImportError>();
}
