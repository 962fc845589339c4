using AttackMap.Attack;
using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <summary>
/// Corrections to MITRE's log source labels (ATT&amp;CK v18.1 analytics), keyed by analytic id and the start of the
/// channel: the label names one log, the channel describes an event another log records, or one no table AttackMap
/// reads records (read operations are not written to the Activity log or the Entra audit log). Checked against the
/// Entra audit activity and Azure Activity operation references. A correction with no family means "not visible".
/// </summary>
internal static class AttackLogSourceCorrections
{
    private const string Audit = "is an Entra ID audit activity: AuditLogs";

    private static readonly Entry[] Entries =
    {
        new("AN0674", "Add certificate credential", LogFamily.EntraAudit, "channel 'Add certificate credential' (Update application – Certificates and secrets management) " + Audit),
        new("AN0756", "OperationName=SetDomainAuthentication", LogFamily.EntraAudit, "channel 'SetDomainAuthentication' (Set domain authentication, Set federation settings on domain) " + Audit),
        new("AN1260", "OperationName=SetDomainAuthentication", LogFamily.EntraAudit, "channel 'SetDomainAuthentication' (Set domain authentication, Set federation settings on domain) " + Audit),
        new("AN0544", "Modify Conditional Access Policy", LogFamily.EntraAudit, "channel 'Modify Conditional Access Policy' (Update conditional access policy) " + Audit),
        new("AN0088", "Update conditionalAccessPolicy", LogFamily.EntraAudit, "channel 'Update conditionalAccessPolicy' (Update conditional access policy) " + Audit),
        new("AN0815", "Register PTA Agent", LogFamily.EntraAudit, "channel 'Register PTA Agent or Modify AD FS trust' (Set federation settings on domain) " + Audit),
        new("AN0301", "ConsentGrant", LogFamily.EntraAudit, "channel 'ConsentGrant' (Consent to application) " + Audit),
        new("AN1157", "Reset password", LogFamily.EntraAudit, "channel 'Reset password' (Reset password (by admin)) " + Audit),
        new("AN1088", "Azure CLI Operation: Microsoft.Graph/users/read", null, "channel 'Microsoft.Graph/users/read' is a read: read operations are not written to the Activity log: not visible"),
        new("AN0908", "networkInsightsLogs", null, "channel 'networkInsightsLogs' is Network Watcher data, not an Activity log operation: not visible"),
        new("AN0708", "CollectGuestLogs", null, "channel 'CollectGuestLogs' is log collection inside the VM, not an Activity log operation: not visible"),
        new("AN0459", "operation contains 'Get*Password*Policy'", null, "channel 'Get*Password*Policy' reads a policy: reads are not Entra ID audit activities: not visible"),
        new("AN1128", "ListApplications, ListServicePrincipals", null, "channel 'ListApplications, ListServicePrincipals' is a read: reads are not Entra ID audit activities: not visible"),
        new("AN1616", "Graph API Query", null, "channel 'Graph API Query' is a Microsoft Graph read, not a sign-in (MicrosoftGraphActivityLogs, not read by AttackMap): not visible"),
    };

    /// <summary>Finds the correction for a reference, if any.</summary>
    public static bool TryFind(AttackLogSourceReference reference, out LogFamily? family, out string reason)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.AnalyticId, reference.AnalyticId, StringComparison.Ordinal)
                && reference.Channel.StartsWith(entry.ChannelStart, StringComparison.OrdinalIgnoreCase))
            {
                family = entry.Family;
                reason = entry.Reason;
                return true;
            }
        }

        family = null;
        reason = string.Empty;
        return false;
    }

    private sealed record Entry(string AnalyticId, string ChannelStart, LogFamily? Family, string Reason);
}
