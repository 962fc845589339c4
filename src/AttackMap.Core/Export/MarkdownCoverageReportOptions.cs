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
}
