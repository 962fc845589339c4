namespace AttackMap.Signals;

/// <summary>What kind of identity acted.</summary>
public enum PrincipalKind
{
    /// <summary>Not known from the record.</summary>
    Unknown = 0,

    /// <summary>A user (member or guest).</summary>
    User = 1,

    /// <summary>A service principal (application identity).</summary>
    ServicePrincipal = 2,

    /// <summary>A managed identity (system- or user-assigned).</summary>
    ManagedIdentity = 3,
}
