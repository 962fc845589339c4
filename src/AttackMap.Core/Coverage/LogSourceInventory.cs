using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <summary>
/// Which log families and tables are enabled (collected into the workspace). Immutable; every change returns a new inventory.
/// </summary>
/// <remarks>
/// A family counts as enabled when any of its tables is enabled; the table-level data is kept so a report can
/// name the missing table. Load an inventory from JSON with <see cref="Load(Stream)"/> (format in <c>docs/log-sources.md</c>),
/// or start from <see cref="AllEnabled"/> and use <see cref="Without(LogFamily[])"/>, <see cref="WithOnly(LogFamily[])"/> and friends.
/// </remarks>
public sealed partial class LogSourceInventory
{
    private readonly HashSet<string> _enabled;

    private LogSourceInventory(IEnumerable<string> canonicalTables)
    {
        _enabled = new HashSet<string>(canonicalTables, StringComparer.OrdinalIgnoreCase);
        EnabledTables = LogSourceTables.AllTables().Where(_enabled.Contains).ToArray();
    }

    /// <summary>Gets an inventory with every table of all five log families enabled (the default).</summary>
    public static LogSourceInventory AllEnabled { get; } = new(LogSourceTables.AllTables());

    /// <summary>Gets an inventory with no table enabled.</summary>
    public static LogSourceInventory NoneEnabled { get; } = new(Array.Empty<string>());

    /// <summary>Gets the five log families in a stable order.</summary>
    public static IReadOnlyList<LogFamily> Families => LogSourceTables.Families;

    /// <summary>Gets the enabled tables, grouped by family in <see cref="Families"/> order, primary table first.</summary>
    public IReadOnlyList<string> EnabledTables { get; }

    /// <summary>Gets the tables a family is read from, primary table first (for example <c>SigninLogs</c> for <see cref="LogFamily.EntraSignIn"/>).</summary>
    /// <param name="family">The log family.</param>
    /// <returns>The table names.</returns>
    public static IReadOnlyList<string> GetTables(LogFamily family) => LogSourceTables.GetTables(family);

    /// <summary>Creates an inventory in which exactly the given tables are enabled.</summary>
    /// <param name="tables">Table names (case-insensitive), for example <c>SigninLogs</c>.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="ArgumentException">A table is not a table of any log family.</exception>
    public static LogSourceInventory FromTables(IEnumerable<string> tables) =>
        new(Canonicalize(tables ?? throw new ArgumentNullException(nameof(tables))));

    /// <summary>Gets a value indicating whether any table of a family is enabled.</summary>
    /// <param name="family">The log family.</param>
    /// <returns><see langword="true"/> when the family is enabled.</returns>
    public bool IsEnabled(LogFamily family) => GetTables(family).Any(_enabled.Contains);

    /// <summary>Gets a value indicating whether a table is enabled.</summary>
    /// <param name="table">The table name (case-insensitive).</param>
    /// <returns><see langword="true"/> when the table is enabled.</returns>
    public bool IsTableEnabled(string table) => table is not null && _enabled.Contains(table.Trim());

    /// <summary>Gets the enabled tables of a family, primary table first.</summary>
    /// <param name="family">The log family.</param>
    /// <returns>The enabled tables; empty when the family is disabled.</returns>
    public IReadOnlyList<string> GetEnabledTables(LogFamily family) => GetTables(family).Where(_enabled.Contains).ToArray();

    /// <summary>Gets the tables of a family that are not enabled, primary table first.</summary>
    /// <param name="family">The log family.</param>
    /// <returns>The missing tables; empty when every table of the family is enabled.</returns>
    public IReadOnlyList<string> GetMissingTables(LogFamily family) => GetTables(family).Where(t => !_enabled.Contains(t)).ToArray();

    /// <summary>Returns a copy with every table of the given families disabled.</summary>
    /// <param name="families">The families to disable.</param>
    /// <returns>The new inventory.</returns>
    public LogSourceInventory Without(params LogFamily[] families) =>
        new(_enabled.Except(families.SelectMany(GetTables), StringComparer.OrdinalIgnoreCase));

    /// <summary>Returns a copy with every table of the given families enabled.</summary>
    /// <param name="families">The families to enable.</param>
    /// <returns>The new inventory.</returns>
    public LogSourceInventory With(params LogFamily[] families) => new(_enabled.Concat(families.SelectMany(GetTables)));

    /// <summary>Returns a copy in which only the enabled tables of the given families stay enabled.</summary>
    /// <param name="families">The families to keep.</param>
    /// <returns>The new inventory.</returns>
    public LogSourceInventory WithOnly(params LogFamily[] families) =>
        new(_enabled.Intersect(families.SelectMany(GetTables), StringComparer.OrdinalIgnoreCase));

    /// <summary>Returns a copy with the given tables disabled.</summary>
    /// <param name="tables">The table names (case-insensitive).</param>
    /// <returns>The new inventory.</returns>
    /// <exception cref="ArgumentException">A table is not a table of any log family.</exception>
    public LogSourceInventory WithoutTables(params string[] tables) =>
        new(_enabled.Except(Canonicalize(tables), StringComparer.OrdinalIgnoreCase));

    /// <summary>Returns a copy with the given tables enabled.</summary>
    /// <param name="tables">The table names (case-insensitive).</param>
    /// <returns>The new inventory.</returns>
    /// <exception cref="ArgumentException">A table is not a table of any log family.</exception>
    public LogSourceInventory WithTables(params string[] tables) => new(_enabled.Concat(Canonicalize(tables)));

    /// <inheritdoc />
    public override string ToString() =>
        EnabledTables.Count == 0 ? "no log table enabled" : "enabled: " + string.Join(", ", EnabledTables);

    private static List<string> Canonicalize(IEnumerable<string> tables)
    {
        var result = new List<string>();
        foreach (var table in tables)
        {
            if (!LogSourceTables.TryGetTable(table, out _, out var canonical))
            {
                throw new ArgumentException(
                    $"'{table}' is not a log table AttackMap reads. Known tables: {string.Join(", ", LogSourceTables.AllTables())}.",
                    nameof(tables));
            }

            result.Add(canonical);
        }

        return result;
    }
}
