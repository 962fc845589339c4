namespace AttackMap.Signals;

/// <summary>
/// The identity behind a record, normalized across families: a user object id / UPN, a service principal id /
/// app id, or a managed identity. <see cref="Key"/> is the value correlation groups by.
/// </summary>
public sealed record Principal
{
    /// <summary>Creates a principal.</summary>
    /// <param name="kind">The kind of identity.</param>
    /// <param name="objectId">The Entra object id (user id or service principal id), when known.</param>
    /// <param name="name">The user principal name or display name, when known.</param>
    /// <param name="appId">The application (client) id, for service principals and managed identities.</param>
    public Principal(PrincipalKind kind, string? objectId, string? name, string? appId = null)
    {
        Kind = kind;
        ObjectId = Normalize(objectId);
        Name = string.IsNullOrWhiteSpace(name) ? null : name!.Trim();
        AppId = Normalize(appId);
        Key = ObjectId ?? Name?.ToLowerInvariant() ?? AppId ?? string.Empty;
    }

    /// <summary>Gets the kind of identity.</summary>
    public PrincipalKind Kind { get; }

    /// <summary>Gets the Entra object id in lower case, when known.</summary>
    public string? ObjectId { get; }

    /// <summary>Gets the user principal name or display name, when known.</summary>
    public string? Name { get; }

    /// <summary>Gets the application (client) id in lower case, when known.</summary>
    public string? AppId { get; }

    /// <summary>Gets the normalized grouping key: the object id, else the lower-cased name, else the app id.</summary>
    public string Key { get; }

    /// <summary>Gets a value indicating whether the record named no identity at all.</summary>
    public bool IsEmpty => Key.Length == 0;

    /// <inheritdoc />
    public override string ToString() => Name ?? ObjectId ?? AppId ?? "(unknown)";

    private static string? Normalize(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : id!.Trim().ToLowerInvariant();
}
