using AttackMap.Ingestion;
using AttackMap.Internal;

namespace AttackMap.Signals;

/// <summary>A Microsoft Defender for Cloud security alert, in any of its exported shapes.</summary>
public sealed class DefenderAlert : Signal
{
    private AlertEntityGraph? _entities;

    /// <summary>Creates an alert read from <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the record was read.</param>
    /// <param name="alertType">The alert type (for example <c>VM_EICAR</c> or <c>KV_ListGetAnomaly</c>).</param>
    public DefenderAlert(SignalOrigin origin, string alertType)
        : base(origin)
    {
        AlertType = alertType ?? string.Empty;
    }

    /// <inheritdoc />
    public override LogFamily Family => LogFamily.DefenderForCloud;

    /// <inheritdoc />
    public override SignalSource Source => SignalSource.DefenderForCloudAlert;

    /// <inheritdoc />
    public override string MatchKey => AlertType;

    /// <summary>Gets the alert type, the stable key of the detection.</summary>
    public string AlertType { get; }

    /// <summary>Gets the stable alert instance id (<c>SystemAlertId</c>).</summary>
    public string? SystemAlertId { get; init; }

    /// <summary>Gets the alert's display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the alert's description (may hold unresolved <c>%{...}</c> placeholders).</summary>
    public string? Description { get; init; }

    /// <summary>Gets the severity as published (<c>Informational</c>, <c>Low</c>, <c>Medium</c>, <c>High</c>).</summary>
    public string? Severity { get; init; }

    /// <summary>Gets the alert status as published (<c>Active</c>, <c>New</c>, <c>Resolved</c>, <c>Dismissed</c>, ...).</summary>
    public string? Status { get; init; }

    /// <summary>Gets the raw kill-chain intent as published (comma-separated; may hold non-ATT&amp;CK values such as <c>PreAttack</c> or <c>Probing</c>).</summary>
    public string? Intent { get; init; }

    /// <summary>Gets the ATT&amp;CK technique and sub-technique ids the vendor attached to the alert, if any.</summary>
    public IReadOnlyList<string> VendorTechniques { get; init; } = Array.Empty<string>();

    /// <summary>Gets the entity the alert says was compromised.</summary>
    public string? CompromisedEntity { get; init; }

    /// <summary>Gets the product name (<c>Azure Security Center</c>, <c>Microsoft Defender for Cloud</c>, ...).</summary>
    public string? ProductName { get; init; }

    /// <summary>Gets the provider name (<c>Detection</c>, <c>ASI Scheduled Alerts</c>, ...).</summary>
    public string? ProviderName { get; init; }

    /// <summary>Gets the alert's start time, when published.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Gets the alert's end time, when published.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Gets the extended properties (free-text keys, string values).</summary>
    public IReadOnlyDictionary<string, string> ExtendedProperties { get; init; } = EmptyDictionary.Instance;

    /// <summary>Gets the entities as JSON text, references left as published.</summary>
    public string? EntitiesJson { get; init; }

    /// <summary>
    /// Gets the alert's entities, parsed from <see cref="EntitiesJson"/> on first use: every entity object once, in
    /// document order (the published top-level entities and entities nested in them, such as a file's hashes); a
    /// top-level <c>{"$ref":"n"}</c> adds nothing. Empty when the alert has no entities or their JSON is malformed.
    /// </summary>
    /// <remarks>
    /// <c>{"$ref":"n"}</c> references (for example a process's <c>Account</c>, <c>Host</c>, <c>ParentProcess</c>) are
    /// resolved best-effort to the nearest object with <c>"$id":"n"</c> that starts before the reference, which is how
    /// Json.NET writes them: when an id is defined more than once, the last definition before the reference wins. A
    /// reference without an earlier definition stays unresolved (see <see cref="UnresolvedEntityReferences"/>); a
    /// reference to an enclosing object (a cycle) is followed one step at a time and never loops.
    /// Thread-safe; costs nothing until read.
    /// </remarks>
    public IReadOnlyList<AlertEntity> Entities => EntityGraph.Entities;

    /// <summary>Gets the distinct ids of entity references that named no earlier <c>$id</c>, in document order.</summary>
    public IReadOnlyList<string> UnresolvedEntityReferences => EntityGraph.UnresolvedReferences;

    /// <summary>Gets the addresses of the <c>ip</c> entities that parse as IP addresses, canonical, distinct, in entity order.</summary>
    public IReadOnlyList<string> EntityIpAddresses
    {
        get
        {
            var addresses = new List<string>();
            foreach (var entity in Entities)
            {
                if (FieldNormalizer.Ip(entity.IpAddress) is { } address && !addresses.Contains(address))
                {
                    addresses.Add(address);
                }
            }

            return addresses;
        }
    }

    /// <summary>
    /// Gets the Azure resource ids named by entities (<c>azure-resource</c> <c>ResourceId</c>, host <c>AzureID</c>),
    /// lower-cased like <see cref="Signal.ResourceId"/>, distinct, in entity order.
    /// </summary>
    public IReadOnlyList<string> EntityResourceIds
    {
        get
        {
            var ids = new List<string>();
            foreach (var entity in Entities)
            {
                if (FieldNormalizer.ResourceId(entity.AzureResourceId) is { } id && !ids.Contains(id))
                {
                    ids.Add(id);
                }
            }

            return ids;
        }
    }

    /// <summary>Gets a value indicating whether the alert is a portal sample (<c>[SAMPLE ALERT]</c>).</summary>
    public bool IsSample => DisplayName?.IndexOf("[SAMPLE ALERT]", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// Gets a field for rule conditions: <c>alertType</c>, <c>displayName</c>, <c>description</c>, <c>severity</c>,
    /// <c>status</c>, <c>intent</c>, <c>compromisedEntity</c>, <c>productName</c>, <c>providerName</c>,
    /// <c>text</c> (display name and description together), <c>extendedProperties.&lt;key&gt;</c> and <c>entities.&lt;path&gt;</c>
    /// (indexes into the published entity array, <c>{"$ref":"n"}</c> references followed, for example <c>entities.3.Account.Name</c>).
    /// </summary>
    /// <param name="field">The field name or dotted path.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public override string? GetFieldValue(string field)
    {
        switch (field.ToLowerInvariant())
        {
            case "alerttype": return AlertType;
            case "displayname": return DisplayName;
            case "description": return Description;
            case "text": return DisplayName + "\n" + Description;
            case "severity": return Severity;
            case "status": return Status;
            case "intent": return Intent;
            case "compromisedentity": return CompromisedEntity;
            case "productname": return ProductName;
            case "providername": return ProviderName;
            case "systemalertid": return SystemAlertId;
            case "resourceid": return ResourceId;
        }

        if (field.StartsWith("extendedProperties.", StringComparison.OrdinalIgnoreCase))
        {
            var key = field.Substring("extendedProperties.".Length);
            foreach (var pair in ExtendedProperties)
            {
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Value;
                }
            }

            return null;
        }

        if (!field.StartsWith("entities.", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Indexes follow the published array; references on the way are followed.
        var path = field.Substring("entities.".Length);
        var graph = EntityGraph;
        return graph.Root is null ? JsonFieldPath.Resolve(EntitiesJson, path) : graph.Resolve(path);
    }

    private AlertEntityGraph EntityGraph
    {
        get
        {
            var graph = Volatile.Read(ref _entities);
            if (graph is not null)
            {
                return graph;
            }

            graph = AlertEntityGraph.Parse(EntitiesJson);
            return Interlocked.CompareExchange(ref _entities, graph, null) ?? graph;
        }
    }
}
