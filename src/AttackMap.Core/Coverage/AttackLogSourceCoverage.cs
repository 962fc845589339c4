using AttackMap.Attack;
using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <summary>
/// A log source that ATT&amp;CK's own analytics name for a technique, with the tables AttackMap would read it from and
/// which of them are enabled. Tells <see cref="CoverageStatus.NeedsRule"/> from <see cref="CoverageStatus.NeedsLogging"/>
/// for a technique that no rule maps.
/// </summary>
public sealed class AttackLogSourceCoverage
{
    internal AttackLogSourceCoverage(AttackLogSourceReference reference, string? viaSubTechnique, LogSourceInventory inventory)
    {
        Reference = reference;
        ViaSubTechnique = viaSubTechnique;
        if (AttackLogSourceCorrections.TryFind(reference, out var corrected, out var correction))
        {
            Family = corrected;
            Correction = correction;
        }
        else
        {
            Family = AttackLogSourceMap.TryGetFamily(reference.Name, out var family) ? family : null;
        }

        Tables = AttackLogSourceMap.GetTables(reference);
        EnabledTables = Tables.Where(inventory.IsTableEnabled).ToArray();
    }

    /// <summary>Gets MITRE's reference: analytic, detection strategy, platform, log source name and channel.</summary>
    public AttackLogSourceReference Reference { get; }

    /// <summary>Gets the sub-technique whose analytic this is, when it counts toward a parent; else <see langword="null"/>.</summary>
    public string? ViaSubTechnique { get; }

    /// <summary>
    /// Gets the log family that shows the source (after a <see cref="Correction"/>), or <see langword="null"/> when AttackMap
    /// reads none (<c>azure:vmguest</c>, <c>azure:vpcflow</c>, a read operation).
    /// </summary>
    public LogFamily? Family { get; }

    /// <summary>
    /// Gets why AttackMap reads the reference differently from MITRE's label, for example
    /// <c>channel 'Add certificate credential' (...) is an Entra ID audit activity: AuditLogs</c>; else <see langword="null"/>.
    /// </summary>
    public string? Correction { get; }

    /// <summary>Gets a value indicating whether a correction says no table AttackMap reads shows the channel (a read operation, for example).</summary>
    internal bool IsCorrectedNotVisible => Correction is not null && Tables.Count == 0;

    /// <summary>Gets the tables that would show the source, the one to enable first first; empty when AttackMap reads none.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>Gets the enabled tables among <see cref="Tables"/>.</summary>
    public IReadOnlyList<string> EnabledTables { get; }

    /// <summary>Gets a value indicating whether AttackMap reads a table that shows the source.</summary>
    public bool IsReadByAttackMap => Tables.Count > 0;

    /// <summary>Gets a value indicating whether a table that shows the source is enabled.</summary>
    public bool IsEnabled => EnabledTables.Count > 0;

    /// <summary>Gets the table to name: the first enabled one, else the one to enable; <see langword="null"/> when AttackMap reads none.</summary>
    public string? DisplayTable => IsEnabled ? EnabledTables[0] : Tables.Count > 0 ? Tables[0] : null;

    /// <summary>Gets a short description, for example <c>azure:signinlogs (AN1277) -&gt; SigninLogs</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var via = ViaSubTechnique is null ? string.Empty : ", via " + ViaSubTechnique;
        var target = IsCorrectedNotVisible ? "not visible in a table AttackMap reads" : !IsReadByAttackMap ? "a source AttackMap does not read" : IsEnabled ? DisplayTable : DisplayTable + " (not enabled)";
        return $"{Reference.Name} ({Reference.AnalyticId}{via}) -> {target}";
    }
}
