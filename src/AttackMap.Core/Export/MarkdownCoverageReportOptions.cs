namespace AttackMap.Export;

/// <summary>Options for <see cref="MarkdownCoverageReportExporter"/>.</summary>
public sealed class MarkdownCoverageReportOptions
{
    /// <summary>Gets or sets the document title.</summary>
    /// <value>The default is <c>ATT&amp;CK coverage of Azure logs</c>.</value>
    public string Title { get; set; } = "ATT&CK coverage of Azure logs";

    /// <summary>Gets or sets how many techniques without a rule the "What to do next" section suggests.</summary>
    /// <value>The default is 15.</value>
    public int MaxRuleSuggestions { get; set; } = 15;

    /// <summary>Gets or sets a value indicating whether the per-tactic technique tables are written.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool IncludeTechniqueTables { get; set; } = true;

    /// <summary>
    /// Gets or sets the keys seen in the observed logs that no rule maps (<see cref="ClassificationSummary.UnmappedKeys"/>);
    /// when set, a "Visible but unmapped" section lists them with counts and an example record each.
    /// </summary>
    /// <value>The default is <see langword="null"/> (no section).</value>
    public IReadOnlyList<UnmappedKey>? UnmappedKeys { get; set; }
}
