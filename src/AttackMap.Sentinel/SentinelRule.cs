using AttackMap.Signals;

namespace AttackMap.Sentinel;

/// <summary>
/// A Microsoft Sentinel analytics rule as imported: what it detects (techniques, tactics), what it reads (tables, from
/// the declared data types and from its KQL) and therefore which log families it needs.
/// </summary>
public sealed record SentinelRule
{
    /// <summary>Gets the rule id: the YAML <c>id</c>, or the ARM rule GUID (last segment of <c>name</c>), or the file name when neither is there.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name (YAML <c>name</c>, ARM <c>properties.displayName</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the description, or <see langword="null"/>.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the severity as written (Informational, Low, Medium, High), or <see langword="null"/>.</summary>
    public string? Severity { get; init; }

    /// <summary>Gets the rule kind: <c>Scheduled</c> (also when the file has none), <c>NRT</c>, or another kind as written (Fusion, MicrosoftSecurityIncidentCreation…).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets a value indicating whether the rule is enabled (ARM <c>properties.enabled</c>; YAML templates count as enabled).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the template status as written (YAML <c>status</c>, e.g. Available), or <see langword="null"/>.</summary>
    public string? Status { get; init; }

    /// <summary>Gets how often the query runs, or <see langword="null"/> (NRT rules, or an unreadable value).</summary>
    public TimeSpan? QueryFrequency { get; init; }

    /// <summary>Gets how far back the query looks, or <see langword="null"/>.</summary>
    public TimeSpan? QueryPeriod { get; init; }

    /// <summary>Gets the trigger operator as written (<c>gt</c>, <c>GreaterThan</c>…), or <see langword="null"/>.</summary>
    public string? TriggerOperator { get; init; }

    /// <summary>Gets the trigger threshold, or <see langword="null"/>.</summary>
    public int? TriggerThreshold { get; init; }

    /// <summary>Gets the tactics as written (CamelCase names such as <c>CredentialAccess</c>).</summary>
    public IReadOnlyList<string> Tactics { get; init; } = Array.Empty<string>();

    /// <summary>Gets the techniques and sub-techniques, validated against the catalog, ordered by <see cref="RuleTechnique.Id"/>.</summary>
    public IReadOnlyList<RuleTechnique> Techniques { get; init; } = Array.Empty<RuleTechnique>();

    /// <summary>Gets the KQL query.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>Gets every table the rule needs, from the declared data types and the query, ordered by name.</summary>
    public IReadOnlyList<RuleTable> Tables { get; init; } = Array.Empty<RuleTable>();

    /// <summary>Gets the functions the query calls that it does not define (<c>_GetWatchlist</c>, workspace parsers).</summary>
    public IReadOnlyList<string> QueryFunctions { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Gets the log families the rule reads, in enum order: those of the tables its query reads, or of the declared data
    /// types when the query names no known table.
    /// </summary>
    public IReadOnlyList<LogFamily> Families { get; init; } = Array.Empty<LogFamily>();

    /// <summary>Gets the tables outside the five families that the rule reads (same source rule as <see cref="Families"/>), ordered by name.</summary>
    public IReadOnlyList<string> OtherTables { get; init; } = Array.Empty<string>();

    /// <summary>Gets a value indicating whether the rule reads two or more log families, so it only fires when they are all connected.</summary>
    public bool IsCorrelationDependent => Families.Count >= 2;

    /// <summary>Gets the template id a deployed rule came from (ARM <c>alertRuleTemplateName</c>), or <see langword="null"/>.</summary>
    public string? TemplateId { get; init; }

    /// <summary>
    /// Gets the file of the template that <see cref="Techniques"/> were taken from, or <see langword="null"/> when they are
    /// the rule's own. A rule deployed from a gallery template often lists no technique in its ARM or REST export; when the
    /// template (the rule whose <see cref="Id"/> equals <see cref="TemplateId"/>) was imported in the same call, the rule takes
    /// its techniques and a note says so. The file is the template's <see cref="SourceRelativePath"/>, else its <see cref="SourceFile"/>.
    /// </summary>
    public string? TechniquesTemplateFile { get; init; }

    /// <summary>Gets the file format the rule was read from.</summary>
    public required SentinelRuleFormat Format { get; init; }

    /// <summary>Gets the file path as opened, or the stream name as given to <see cref="SentinelRuleImporter.Import"/>, that the rule came from.</summary>
    public required string SourceFile { get; init; }

    /// <summary>
    /// Gets the path of the file relative to the folder given to <see cref="SentinelRuleImporter.ImportFolder"/>, with <c>/</c>
    /// separators (the file name for <see cref="SentinelRuleImporter.ImportFile"/>), or <see langword="null"/> for a stream.
    /// Unlike <see cref="SourceFile"/> it holds no machine path, so reports can show it.
    /// </summary>
    public string? SourceRelativePath { get; init; }

    /// <summary>
    /// Gets the https URL of the rule in the Azure/Azure-Sentinel GitHub repository when its YAML file sits in that
    /// repository's layout (<c>Solutions/&lt;solution&gt;/Analytic Rules/…</c> or <c>Detections/&lt;folder&gt;/&lt;rule&gt;.yaml</c>) inside
    /// an Azure-Sentinel checkout: the folder holding <c>Solutions</c> or <c>Detections</c> also holds the other one, or
    /// its <c>.git/config</c> names <c>Azure/Azure-Sentinel</c>. For a stream, when its name is such a relative path.
    /// Otherwise <see langword="null"/>.
    /// </summary>
    public string? SourceUrl { get; init; }

    /// <summary>Gets where in the file the rule is: <c>line 1</c> for YAML, <c>resources[0]</c> for ARM.</summary>
    public string? SourceLocation { get; init; }

    /// <summary>Gets notes from the import (migrated technique ids, data types that are not tables, a missing query, techniques taken from a template).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();
}
