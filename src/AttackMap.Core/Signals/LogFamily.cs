namespace AttackMap.Signals;

/// <summary>
/// The Azure log family a signal came from. Families are kept apart in the data so that an analyst
/// always knows which log proved a behaviour.
/// </summary>
public enum LogFamily
{
    /// <summary>Microsoft Defender for Cloud security alerts (<c>SecurityAlert</c>, REST, continuous export, Activity Log <c>Security</c> category).</summary>
    DefenderForCloud = 0,

    /// <summary>Entra ID sign-ins of every kind (<c>SigninLogs</c>, <c>AADNonInteractiveUserSignInLogs</c>, <c>AADServicePrincipalSignInLogs</c>, <c>AADManagedIdentitySignInLogs</c>).</summary>
    EntraSignIn = 1,

    /// <summary>Entra ID Protection risk detections and risky users (<c>AADUserRiskEvents</c>, <c>AADRiskyUsers</c>, Graph <c>riskDetections</c>).</summary>
    EntraRiskDetection = 2,

    /// <summary>Entra ID audit logs (<c>AuditLogs</c>, Graph <c>directoryAudits</c>).</summary>
    EntraAudit = 3,

    /// <summary>Azure Activity log, the control plane (<c>AzureActivity</c>, Activity Log diagnostic categories, ARM events).</summary>
    AzureActivity = 4,
}
