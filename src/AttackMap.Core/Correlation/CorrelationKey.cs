namespace AttackMap.Correlation;

/// <summary>The envelope value a correlation rule groups signals by.</summary>
public enum CorrelationKey
{
    /// <summary>The normalized principal key (<see cref="Signals.Principal.Key"/>).</summary>
    Principal = 0,

    /// <summary>The exact ARM resource id, compared case-insensitively.</summary>
    Resource = 1,

    /// <summary>
    /// The top-level ARM resource: the id cut after the first <c>/providers/{namespace}/{type}/{name}</c>, so that a child
    /// (<c>.../virtualMachines/vm1/extensions/x</c>) and its parent (<c>.../virtualMachines/vm1</c>) share one key.
    /// Ids without a provider segment (subscriptions, resource groups) are used whole.
    /// </summary>
    ResourceRoot = 2,

    /// <summary>The caller or client IP address.</summary>
    IpAddress = 3,

    /// <summary>The autonomous system number of a sign-in's client IP (sign-ins only).</summary>
    AutonomousSystem = 4,

    /// <summary>The Entra tenant id.</summary>
    Tenant = 5,

    /// <summary>The correlation (session) id.</summary>
    CorrelationId = 6,
}
