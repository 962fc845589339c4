using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <summary>A log family behind a technique's coverage, with its enabled and missing tables.</summary>
public sealed class CoverageSource
{
    internal CoverageSource(LogFamily family, LogSourceInventory inventory)
    {
        Family = family;
        EnabledTables = inventory.GetEnabledTables(family);
        MissingTables = inventory.GetMissingTables(family);
        PrimaryTable = LogSourceTables.Primary(family);
    }

    /// <summary>Gets the log family.</summary>
    public LogFamily Family { get; }

    /// <summary>Gets a value indicating whether any table of the family is enabled.</summary>
    public bool IsEnabled => EnabledTables.Count > 0;

    /// <summary>Gets the enabled tables of the family, primary table first.</summary>
    public IReadOnlyList<string> EnabledTables { get; }

    /// <summary>Gets the tables of the family that are not enabled, primary table first.</summary>
    public IReadOnlyList<string> MissingTables { get; }

    /// <summary>Gets the family's primary table, the one to enable first (for example <c>SigninLogs</c>).</summary>
    public string PrimaryTable { get; }

    /// <summary>Gets the table to name for this family: the first enabled table, else the primary table.</summary>
    public string DisplayTable => IsEnabled ? EnabledTables[0] : PrimaryTable;

    /// <inheritdoc />
    public override string ToString() =>
        IsEnabled
            ? $"{Family}: {string.Join(", ", EnabledTables)}{(MissingTables.Count > 0 ? " (not enabled: " + string.Join(", ", MissingTables) + ")" : string.Empty)}"
            : $"{Family}: not enabled";
}
