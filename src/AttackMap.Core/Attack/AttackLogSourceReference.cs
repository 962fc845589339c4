namespace AttackMap.Attack;

/// <summary>
/// A log source that one of MITRE's ATT&amp;CK analytics names for a technique (ATT&amp;CK v18 and later): the analytic,
/// its detection strategy and platform, and the log source <c>name</c> and <c>channel</c> exactly as MITRE writes them.
/// </summary>
/// <remarks>
/// Catalogs keep only the Azure and Microsoft Entra ID sources (<see cref="AzureSourceNames"/>). The names are MITRE's
/// labels, not Log Analytics tables; <c>AttackMap.Coverage.AttackLogSourceMap</c> translates them.
/// </remarks>
public sealed record AttackLogSourceReference
{
    /// <summary>
    /// Gets the log source names a catalog keeps (compared case-insensitively): <c>azure:signinlogs</c>, <c>azure:ad</c>,
    /// <c>azure:audit</c>, <c>azure:policy</c>, <c>Microsoft Entra ID Audit Logs</c>, <c>ApplicationLog:EntraIDPortal</c>,
    /// <c>azure:activity</c>, <c>azure:vmguest</c> and <c>azure:vpcflow</c>.
    /// </summary>
    public static IReadOnlyList<string> AzureSourceNames { get; } = Array.AsReadOnly(new[]
    {
        "azure:signinlogs", "azure:ad", "azure:audit", "azure:policy", "Microsoft Entra ID Audit Logs",
        "ApplicationLog:EntraIDPortal", "azure:activity", "azure:vmguest", "azure:vpcflow",
    });

    /// <summary>Gets the log source name as MITRE writes it (for example <c>azure:signinlogs</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the channel: what in the source to look at (for example <c>Sign-in logs</c> or an operation name).</summary>
    public string Channel { get; init; } = string.Empty;

    /// <summary>Gets the analytic id (<c>AN1277</c>).</summary>
    public required string AnalyticId { get; init; }

    /// <summary>Gets the id of the detection strategy the analytic belongs to (<c>DET0463</c>).</summary>
    public required string DetectionStrategyId { get; init; }

    /// <summary>Gets the platform the analytic is written for (for example <c>Identity Provider</c>).</summary>
    public string Platform { get; init; } = string.Empty;

    /// <summary>
    /// Gets the ATT&amp;CK release the analytic comes from (<c>18.1</c>; also in the derived v19.2 catalog, which has no
    /// analytics of its own and carries v18.1's over).
    /// </summary>
    public required string AttackVersion { get; init; }

    /// <summary>
    /// Gets the technique the detection strategy detects in <see cref="AttackVersion"/>, when that differs from the
    /// technique carrying the reference (for example <c>T1562.008</c> on <c>T1685.002</c>); else <see langword="null"/>.
    /// </summary>
    public string? SourceTechniqueId { get; init; }

    /// <summary>
    /// Gets a value indicating whether the analytic also lists log sources a catalog does not keep (for example endpoint or
    /// Microsoft 365 sources): the Azure source alone may not be enough to carry out the analytic.
    /// </summary>
    public bool AlsoListsNonAzureSources { get; init; }

    /// <summary>
    /// Gets the analytic's page on the versioned ATT&amp;CK site for <see cref="AttackVersion"/>, for example
    /// <c>https://attack.mitre.org/versions/v18/detectionstrategies/DET0463#AN1277</c>: the live site shows the newest
    /// release, where a v18 analytic may have changed or gone. Without a version, the live-site URL
    /// (<c>https://attack.mitre.org/detectionstrategies/DET0463#AN1277</c>, as in MITRE's bundle).
    /// </summary>
    public string Url
    {
        get
        {
            var version = AttackVersion?.Trim() ?? string.Empty;
            var dot = version.IndexOf('.');
            var major = dot < 0 ? version : version.Substring(0, dot);
            var site = major.Length > 0 && major.All(char.IsDigit)
                ? "https://attack.mitre.org/versions/v" + major + "/detectionstrategies/"
                : "https://attack.mitre.org/detectionstrategies/";
            return site + DetectionStrategyId + "#" + AnalyticId;
        }
    }

    /// <summary>Tells whether a log source name is one of <see cref="AzureSourceNames"/> (case-insensitive).</summary>
    /// <param name="name">A log source name from an analytic.</param>
    /// <returns><see langword="true"/> for an Azure or Entra ID source a catalog keeps.</returns>
    public static bool IsAzureSourceName(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var trimmed = name.Trim();
        foreach (var known in AzureSourceNames)
        {
            if (string.Equals(known, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{AnalyticId} ({DetectionStrategyId}, {Platform}): {Name} / {Channel}";
}
