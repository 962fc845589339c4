namespace AttackMap.Signals;

/// <summary>
/// The finer kind of evidence source inside a <see cref="LogFamily"/>. The default evidence policy
/// follows it: alerts and risky sign-ins are direct detections, control-plane writes and audit changes
/// are correlation context, anything else needs review.
/// </summary>
public enum SignalSource
{
    /// <summary>A Defender for Cloud security alert.</summary>
    DefenderForCloudAlert = 0,

    /// <summary>An Entra ID sign-in with no risk above <c>none</c>.</summary>
    EntraSignIn = 1,

    /// <summary>An Entra ID sign-in that Entra ID Protection flagged (risk level above <c>none</c> or risk event types present).</summary>
    EntraRiskySignIn = 2,

    /// <summary>An Entra ID Protection risk detection or risky-user record.</summary>
    EntraRiskDetection = 3,

    /// <summary>A change recorded in the Entra ID audit log.</summary>
    EntraAuditChange = 4,

    /// <summary>A control-plane write, delete or action in the Azure Activity log.</summary>
    AzureActivityWrite = 5,

    /// <summary>A control-plane read (list, get) in the Azure Activity log.</summary>
    AzureActivityRead = 6,

    /// <summary>Another Activity log event (service health, policy, autoscale, recommendation, ...).</summary>
    AzureActivityOther = 7,
}
