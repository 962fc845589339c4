namespace AttackMap.Signals;

/// <summary>
/// One entity of a Defender for Cloud alert (an account, host, IP, process, file, Azure resource...), with its
/// <c>{"$ref":"n"}</c> references resolved best-effort. Read-only; member names are case-insensitive.
/// </summary>
/// <remarks>
/// The typed accessors return trimmed values and <see langword="null"/> for absent or blank ones; <see cref="GetString"/>
/// returns values as published. Each accessor reads only entities of its type (an account's <c>Name</c> is not a file
/// name); a field with one meaning (<c>HostName</c>, <c>CommandLine</c>, <c>AadUserId</c>...) is also read from an
/// entity that publishes no <c>Type</c>, while <c>Name</c> and <c>Address</c> need the type. See <see cref="DefenderAlert.Entities"/> for how references are resolved.
/// </remarks>
public sealed class AlertEntity
{
    private readonly EntityNode _node;

    internal AlertEntity(EntityNode node, string? id, IReadOnlyList<string> unresolvedReferences)
    {
        _node = node;
        Id = id;
        Type = EntityPath.Scalar(node, "Type");
        UnresolvedReferences = unresolvedReferences;
    }

    /// <summary>Gets the entity's <c>$id</c>, or <see langword="null"/> when it has none (REST alerts carry no ids).</summary>
    public string? Id { get; }

    /// <summary>Gets the entity type as published (<c>account</c>, <c>host</c>, <c>ip</c>, <c>process</c>, <c>file</c>, <c>azure-resource</c>, ...).</summary>
    public string? Type { get; }

    /// <summary>Gets the ids of references inside this entity (outside nested entities) that named no earlier <c>$id</c>.</summary>
    public IReadOnlyList<string> UnresolvedReferences { get; }

    /// <summary>Gets the entity's JSON as published (references not expanded).</summary>
    public string RawJson => _node.Element.GetRawText();

    /// <summary>Gets the account name (<c>Name</c>) of an <c>account</c> entity.</summary>
    public string? AccountName => IsType("account") ? Value("Name") : null;

    /// <summary>
    /// Gets the user principal name of an <c>account</c> entity: <c>UserPrincipalName</c> or <c>Upn</c> when published,
    /// else <c>Name@UPNSuffix</c>.
    /// </summary>
    public string? UserPrincipalName
    {
        get
        {
            if (!IsType("account"))
            {
                return null;
            }

            if ((Value("UserPrincipalName") ?? Value("Upn")) is { } upn)
            {
                return upn;
            }

            var name = Value("Name");
            if (name is not null && name.IndexOf('@') > 0)
            {
                return name;
            }

            var suffix = Value("UPNSuffix");
            return name is null || suffix is null ? null : name + "@" + suffix;
        }
    }

    /// <summary>Gets the Entra object id of an account (<c>AadUserId</c>).</summary>
    public string? AadUserId => Of("account") ? Value("AadUserId") : null;

    /// <summary>Gets the Windows security identifier of an account (<c>Sid</c>).</summary>
    public string? Sid => Of("account") ? Value("Sid") : null;

    /// <summary>Gets the NetBIOS domain of an account or host (<c>NTDomain</c>).</summary>
    public string? NtDomain => Of("account", "host") ? Value("NTDomain") : null;

    /// <summary>Gets the host name of a <c>host</c> entity (<c>HostName</c>, else <c>NetBiosName</c>).</summary>
    public string? HostName => Of("host") ? Value("HostName") ?? Value("NetBiosName") : null;

    /// <summary>Gets the Azure resource id as published: <c>ResourceId</c> (<c>azure-resource</c> entities) or <c>AzureID</c> (hosts).</summary>
    public string? AzureResourceId => Of("azure-resource", "host") ? Value("ResourceId") ?? Value("AzureID") : null;

    /// <summary>Gets the address (<c>Address</c>) of an <c>ip</c> entity, as published.</summary>
    public string? IpAddress => IsType("ip") ? Value("Address") : null;

    /// <summary>Gets the command line of a <c>process</c> entity (<c>CommandLine</c>).</summary>
    public string? CommandLine => Of("process") ? Value("CommandLine") : null;

    /// <summary>Gets the process id of a <c>process</c> entity as published (<c>ProcessId</c>, often hexadecimal).</summary>
    public string? ProcessId => Of("process") ? Value("ProcessId") : null;

    /// <summary>Gets the file name (<c>Name</c>) of a <c>file</c> entity.</summary>
    public string? FileName => IsType("file") ? Value("Name") : null;

    /// <summary>Gets the application name (<c>Name</c>) of a <c>cloud-application</c> entity (named as on <see cref="EntraSignIn.AppDisplayName"/>).</summary>
    public string? AppDisplayName => IsType("cloud-application") ? Value("Name") : null;

    /// <summary>Gets the application id (<c>AppId</c>) of a <c>cloud-application</c> entity.</summary>
    public string? AppId => Of("cloud-application") ? Value("AppId") : null;

    /// <summary>Tells whether the entity has the given type (case-insensitive).</summary>
    /// <param name="type">The type, for example <c>account</c>.</param>
    /// <returns><see langword="true"/> when <see cref="Type"/> equals <paramref name="type"/>.</returns>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    // An entity without a Type is read for fields whose name says what they are.
    private bool Of(string type, string? other = null) => Type is null || IsType(type) || (other is not null && IsType(other));

    /// <summary>
    /// Returns the value at a dotted path (<c>Account.Name</c>, <c>FileHashes.0.Value</c>), following references;
    /// strings as published, objects and arrays as raw JSON, an unresolved reference as its <c>{"$ref":...}</c> JSON.
    /// </summary>
    /// <param name="path">The path; keys are case-insensitive, numbers index arrays.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    public string? GetString(string path) => path is null ? null : EntityPath.Text(_node, path);

    /// <summary>Returns the entity at a dotted path (<c>Account</c>, <c>ParentProcess.ImageFile</c>), following references.</summary>
    /// <param name="path">The path; keys are case-insensitive, numbers index arrays.</param>
    /// <returns>The entity, or <see langword="null"/> when absent, unresolved or not an entity.</returns>
    public AlertEntity? GetEntity(string path) => path is null ? null : EntityPath.Find(_node, path)?.Entity;

    /// <summary>Returns the entities of an array at a dotted path (<c>FileHashes</c>, <c>IpAdresses</c>), following references.</summary>
    /// <param name="path">The path; keys are case-insensitive, numbers index arrays.</param>
    /// <returns>The entities in array order (a single entity when the path names one); empty when none.</returns>
    public IReadOnlyList<AlertEntity> GetEntities(string path)
    {
        var node = path is null ? null : EntityPath.Find(_node, path);
        if (node?.Entity is { } single)
        {
            return new[] { single };
        }

        if (node?.Items is not { } items)
        {
            return Array.Empty<AlertEntity>();
        }

        var entities = new List<AlertEntity>(items.Length);
        foreach (var item in items)
        {
            if (item.Dereferenced.Entity is { } entity)
            {
                entities.Add(entity);
            }
        }

        return entities;
    }

    /// <inheritdoc />
    public override string ToString() => Id is null ? Type ?? "entity" : (Type ?? "entity") + " $id " + Id;

    private string? Value(string name) => EntityPath.Scalar(_node, name);
}
