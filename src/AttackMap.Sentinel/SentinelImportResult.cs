namespace AttackMap.Sentinel;

/// <summary>The rules imported from files or streams, and the errors met on the way (one bad file never stops the others).</summary>
public sealed record SentinelImportResult
{
    /// <summary>Gets the imported rules, in file order (files sorted ordinally), then in order within a file.</summary>
    public IReadOnlyList<SentinelRule> Rules { get; init; } = Array.Empty<SentinelRule>();

    /// <summary>Gets the errors, in the same order.</summary>
    public IReadOnlyList<SentinelImportError> Errors { get; init; } = Array.Empty<SentinelImportError>();

    /// <summary>
    /// Gets the rules left out of <see cref="Rules"/> because an earlier rule (in file order) has the same id: an
    /// Azure-Sentinel checkout holds many rules both under <c>Detections/</c> and in a solution under <c>Solutions/</c>.
    /// Ids are compared as GUIDs when they are GUIDs, else ignoring case.
    /// </summary>
    public IReadOnlyList<SentinelRule> Duplicates { get; init; } = Array.Empty<SentinelRule>();

    /// <summary>
    /// Gets the JSON files of an imported folder that are well-formed but hold no analytics rule (workbooks, playbooks,
    /// data connectors, solution metadata: an Azure-Sentinel checkout has thousands), by path relative to the folder.
    /// They are neither rules nor errors. A single file given to <see cref="SentinelRuleImporter.ImportFile"/> or
    /// <see cref="SentinelRuleImporter.Import"/> that holds no rule is an error instead.
    /// </summary>
    public IReadOnlyList<string> SkippedFiles { get; init; } = Array.Empty<string>();
}
