namespace AttackMap.Signals;

/// <summary>One target resource of an Entra ID audit event.</summary>
public sealed record AuditTarget
{
    /// <summary>Gets the target's object id.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the target's display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the target's type (<c>User</c>, <c>ServicePrincipal</c>, <c>Application</c>, <c>Role</c>, <c>Policy</c>, ...).</summary>
    public string? Type { get; init; }

    /// <summary>Gets the target's user principal name, for users.</summary>
    public string? UserPrincipalName { get; init; }

    /// <summary>Gets the properties the change modified.</summary>
    public IReadOnlyList<ModifiedProperty> ModifiedProperties { get; init; } = Array.Empty<ModifiedProperty>();
}
