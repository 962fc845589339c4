using AttackMap.Attack;
using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <summary>
/// Translates the log source names of MITRE's analytics (<see cref="AttackLogSourceReference.Name"/>) into the log
/// families and Log Analytics tables AttackMap reads.
/// </summary>
/// <remarks>
/// <c>azure:signinlogs</c> and <c>azure:ad</c>: <see cref="LogFamily.EntraSignIn"/>, tables <c>SigninLogs</c> and
/// <c>AADNonInteractiveUserSignInLogs</c>, plus <c>AADServicePrincipalSignInLogs</c> and <c>AADManagedIdentitySignInLogs</c>
/// when the channel names service principal, managed identity or workload sign-ins. <c>azure:audit</c>,
/// <c>Microsoft Entra ID Audit Logs</c>, <c>azure:policy</c> (conditional access, MFA and audit policy changes are
/// directory audit events) and <c>ApplicationLog:EntraIDPortal</c> (device registration):
/// <see cref="LogFamily.EntraAudit"/>, <c>AuditLogs</c>. <c>azure:activity</c>: <see cref="LogFamily.AzureActivity"/>,
/// <c>AzureActivity</c>. <c>azure:vmguest</c> (processes inside a VM) and <c>azure:vpcflow</c> (network flows) are none
/// of the five families: AttackMap reads no table that shows them. Names compare case-insensitively.
/// <para>
/// MITRE's label does not always fit the channel. <see cref="GetTables"/> applies a small correction table, keyed by
/// analytic id and channel, first: a channel that is an Entra ID audit activity (for example AN0674's
/// "Add certificate credential", labelled <c>azure:signinlogs</c>) gives <c>AuditLogs</c>; a read operation (for example
/// AN1088's <c>Microsoft.Graph/users/read</c>, labelled <c>azure:activity</c>) gives no table, as neither the Activity log
/// nor the Entra ID audit log records reads. <c>AttackLogSourceCoverage.Correction</c> says why; docs/coverage.md lists them.
/// </para>
/// </remarks>
public static class AttackLogSourceMap
{
    private static readonly string[] UserSignIns = { "SigninLogs", "AADNonInteractiveUserSignInLogs" };
    private static readonly string[] AllSignIns = { "SigninLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs" };
    private static readonly string[] WorkloadWords = { "service principal", "serviceprincipal", "managed identit", "workload" };

    /// <summary>Gets the log family that shows a source, when AttackMap reads one.</summary>
    /// <param name="name">MITRE's log source name (for example <c>azure:signinlogs</c>).</param>
    /// <param name="family">The family, when found.</param>
    /// <returns><see langword="true"/> when one of the five families shows the source.</returns>
    public static bool TryGetFamily(string name, out LogFamily family)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "azure:signinlogs":
            case "azure:ad":
                family = LogFamily.EntraSignIn;
                return true;
            case "azure:audit":
            case "azure:policy":
            case "microsoft entra id audit logs":
            case "applicationlog:entraidportal":
                family = LogFamily.EntraAudit;
                return true;
            case "azure:activity":
                family = LogFamily.AzureActivity;
                return true;
            default:
                family = default;
                return false;
        }
    }

    /// <summary>Gets the tables that would show what a reference describes, the one to enable first first.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>
    /// The tables; empty when AttackMap reads no table that shows the source (<c>azure:vmguest</c>, <c>azure:vpcflow</c>, any
    /// unknown name, or a channel the correction table marks not visible).
    /// </returns>
    public static IReadOnlyList<string> GetTables(AttackLogSourceReference reference)
    {
        if (reference is null)
        {
            throw new ArgumentNullException(nameof(reference));
        }

        if (AttackLogSourceCorrections.TryFind(reference, out var corrected, out _))
        {
            return corrected is { } correctedFamily ? LogSourceTables.GetTables(correctedFamily) : Array.Empty<string>();
        }

        if (!TryGetFamily(reference.Name, out var family))
        {
            return Array.Empty<string>();
        }

        if (family != LogFamily.EntraSignIn)
        {
            return LogSourceTables.GetTables(family);
        }

        var channel = reference.Channel.ToLowerInvariant();
        return Array.AsReadOnly(WorkloadWords.Any(w => channel.IndexOf(w, StringComparison.Ordinal) >= 0) ? AllSignIns : UserSignIns);
    }
}
