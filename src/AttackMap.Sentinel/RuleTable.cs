using AttackMap.Signals;

namespace AttackMap.Sentinel;

/// <summary>One Log Analytics table an imported rule needs, and where that was learned.</summary>
public sealed record RuleTable
{
    /// <summary>Gets the table name (a <c>dataTypes</c> entry such as <c>SecurityAlert (IPC)</c> is reduced to <c>SecurityAlert</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets a value indicating whether the rule's <c>requiredDataConnectors[].dataTypes</c> names the table.</summary>
    public bool InDataTypes { get; init; }

    /// <summary>Gets a value indicating whether the rule's KQL query reads the table (found by <see cref="AttackMap.Detections.KqlTables"/>).</summary>
    public bool InQuery { get; init; }

    /// <summary>Gets the log family of the table, or <see langword="null"/> when it is outside the five families the library maps.</summary>
    public LogFamily? Family { get; init; }
}
